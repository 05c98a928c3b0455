using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Presentation.Mail;
using ApprovalWatch.Testing;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Tests;

public class SmtpTransportTests
{
    private const string Zhang = "zhang.wei@kizilsu.example.org";
    private static readonly RenderedMail Mail = new("【审批时限提醒】超期 1 项", "张伟，您好：\n超期 1 项", "<p>张伟，您好：</p>");

    private static SmtpMailer Mailer(LocalSmtpServer server, string thumbprint = "", string user = "", string password = "") =>
        new(
            Options.Create(new MailOptions { From = "approvalwatch@kizilsu.example.org", TimeoutSeconds = 10 }),
            Options.Create(
                new SmtpOptions
                {
                    Host = "127.0.0.1",
                    Port = server.Port,
                    Security = SmtpSecurity.StartTls,
                    TrustedCertificateThumbprint = thumbprint,
                    UserName = user,
                    Password = password,
                }
            )
        );

    private static Task<string> SendAsync(SmtpMailer mailer, string to = Zhang) =>
        mailer.SendAsync(to, "张伟", Mail, new Dictionary<string, string> { ["kind"] = "digest" }, default);

    [Fact]
    public async Task A_mail_goes_over_STARTTLS_with_sign_in_and_arrives_with_its_text_html_and_headers()
    {
        using var server = await LocalSmtpServer.StartAsync("--user", "aw", "--password", "s3cret");

        var id = await SendAsync(Mailer(server, server.Thumbprint, "aw", "s3cret"));

        var (message, session) = Assert.Single(server.Received);
        Assert.True(session.GetProperty("secure").GetBoolean());
        Assert.Equal("aw", session.GetProperty("user").GetString());
        Assert.Equal((Mail.Subject, "<p>张伟，您好：</p>", id), (message.Subject, message.HtmlBody?.Trim(), message.MessageId));
        Assert.Contains("超期 1 项", message.TextBody);
        Assert.Equal("digest", message.Headers["X-ApprovalWatch-kind"]);
        Assert.Equal(Zhang, message.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_certificate_no_authority_issued_is_refused_unless_its_thumbprint_is_configured()
    {
        using var server = await LocalSmtpServer.StartAsync();

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => SendAsync(Mailer(server)));

        Assert.Equal(DeliveryFailure.Transient, error.Failure);
        Assert.Empty(server.Received);
        await SendAsync(Mailer(server, server.Thumbprint));
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_refused_recipient_fails_at_once_and_for_good()
    {
        using var server = await LocalSmtpServer.StartAsync("--refuse", Zhang);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => SendAsync(Mailer(server, server.Thumbprint)));

        Assert.Equal(DeliveryFailure.Permanent, error.Failure);
        Assert.Contains("550", error.Message);
    }

    [Fact]
    public async Task A_server_that_asks_to_try_later_is_tried_again()
    {
        using var server = await LocalSmtpServer.StartAsync("--busy-once", Zhang);
        var mailer = Mailer(server, server.Thumbprint);

        Assert.Equal(DeliveryFailure.Transient, (await Assert.ThrowsAsync<MailDeliveryException>(() => SendAsync(mailer))).Failure);
        await SendAsync(mailer);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_refused_sign_in_is_the_accounts()
    {
        using var server = await LocalSmtpServer.StartAsync("--user", "aw", "--password", "s3cret");

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => SendAsync(Mailer(server, server.Thumbprint, "aw", "wrong")));

        Assert.Equal(DeliveryFailure.Account, error.Failure);
    }

    [Fact]
    public async Task A_connection_dropped_once_the_message_went_leaves_it_uncertain_not_sent_again()
    {
        using var server = await LocalSmtpServer.StartAsync("--drop-after-data", Zhang);

        var error = await Assert.ThrowsAsync<MailDeliveryException>(() => SendAsync(Mailer(server, server.Thumbprint)));

        Assert.Equal(DeliveryFailure.Uncertain, error.Failure);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_tried_again()
    {
        int port;
        using (var server = await LocalSmtpServer.StartAsync())
        {
            port = server.Port;
        }

        var mailer = new SmtpMailer(
            Options.Create(new MailOptions { From = "approvalwatch@kizilsu.example.org", TimeoutSeconds = 5 }),
            Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port }));
        Assert.Equal(DeliveryFailure.Transient, (await Assert.ThrowsAsync<MailDeliveryException>(() => SendAsync(mailer))).Failure);
    }
}

[Collection(AzuriteCollection.Name)]
public class SmtpPipelineTests
{
    [Fact]
    public async Task With_the_SMTP_transport_the_days_digests_arrive_at_the_mail_server_each_in_its_readers_language()
    {
        using var server = await LocalSmtpServer.StartAsync("--user", "aw", "--password", "s3cret");
        await using var pipeline = await TestPipeline.StartAsync(
            new Dictionary<string, string?>
            {
                ["Mail:Transport"] = "Smtp",
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = $"{server.Port}",
                ["Smtp:UserName"] = "aw",
                ["Smtp:Password"] = "s3cret",
                ["Smtp:TrustedCertificateThumbprint"] = server.Thumbprint,
            }
        );
        await pipeline.IngestAsync(
            "housing/2026-03-13.csv",
            ScanAndSendTests.Housing
                + $"2023-653022-48-01-004175,阿克陶县城区基础设施配套建设项目,阿克陶县,HC-03,in_review,2026-02-20,{ScanAndSendTests.Wang},2026-03-13\n"
        );

        var scan = await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default);

        var received = server.Received;
        Assert.Equal(scan.Queued, received.Count);
        Assert.Empty(pipeline.Mail.Received); // nothing through SendGrid
        Assert.All(received, r => Assert.True(r.Session.GetProperty("secure").GetBoolean()));
        var wang = received.Single(r => r.Message.To.Mailboxes.Single().Address == ScanAndSendTests.Wang).Message;
        Assert.StartsWith("Approval deadlines 2026-03-16", wang.Subject); // Wang Lei reads English (directory.csv)
        Assert.DoesNotContain("您好", wang.TextBody);
        var zhang = received.Single(r => r.Message.To.Mailboxes.Single().Address == ScanAndSendTests.Zhang).Message;
        Assert.StartsWith("【审批时限提醒】", zhang.Subject);
        Assert.DoesNotContain("Dear", zhang.TextBody);
    }
}
