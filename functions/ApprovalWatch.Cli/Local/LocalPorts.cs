using System.Net;
using System.Net.Sockets;

namespace ApprovalWatch.Cli.Local;

/// <summary>The local stand-ins' ports: one free on 127.0.0.1, asked of the system.</summary>
internal static class LocalPorts
{
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
