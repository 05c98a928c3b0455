using System.Net;
using System.Net.Sockets;

namespace ApprovalWatch.Testing.StandIns;

/// <summary>The local stand-ins' ports: one free on 127.0.0.1, asked of the system.</summary>
public static class LocalPorts
{
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
