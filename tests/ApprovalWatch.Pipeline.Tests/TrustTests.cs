using System.Text;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Board;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Testing;
using ApprovalWatch.Testing.StandIns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>The board serves nobody it has not verified, matches people exactly, and a broken directory locks nobody out.</summary>
[Collection(AzuriteCollection.Name)]
public class TrustTests
{
    private const string Coordinator = "xu.ming@kizilsu.example.org";

    private static string Principal(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(
            Encoding.UTF8.GetBytes(
                """{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":["""
                    + string.Join(",", claims.Select(c => $$"""{"typ":"{{c.Type}}","val":"{{c.Value}}"}"""))
                    + "]}"
            )
        );

    private const string Handler = "zhang.wei@kizilsu.example.org";

    /// <summary>The board as in Azure: the platform's authentication in force, the sign-in's provider on this machine.</summary>
    private static async Task<(TestPipeline Pipeline, LocalIdentityProvider Provider)> SignedInByPlatformAsync(bool authEnabled = true, bool configured = true)
    {
        var provider = new LocalIdentityProvider();
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    [PlatformSignIn.EnabledSetting] = authEnabled ? "true" : null,
                    [PlatformSignIn.IssuerSetting] = configured ? provider.Issuer : null,
                    [PlatformSignIn.ClientIdSetting] = configured ? LocalIdentityProvider.ClientId : null,
                }
            )
            .Build();
        var pipeline = await TestPipeline.StartAsync(
            register: services => services.AddSingleton<ISignIn>(s => new PlatformSignIn(settings, s.GetRequiredService<TimeProvider>()))
        );
        return (pipeline, provider);
    }

    private static Task<BoardAnswer> GetAsync(TestPipeline pipeline, string path, params (string Name, string Value)[] headers) =>
        pipeline.Board.SendAsync("GET", path, principal: null, content: null, requestHeaders: headers.ToDictionary(h => h.Name, h => h.Value));

    [Fact]
    public async Task A_forged_principal_of_a_real_person_is_refused_without_the_providers_signed_token()
    {
        var (pipeline, provider) = await SignedInByPlatformAsync();
        await using var _ = pipeline;
        await using var __ = provider;
        var now = pipeline.Clock.GetUtcNow();
        var forged = Principal(("preferred_username", Coordinator));

        var principalOnly = await GetAsync(pipeline, "/board?lang=en", ("X-MS-CLIENT-PRINCIPAL", forged), ("X-MS-CLIENT-PRINCIPAL-NAME", Coordinator));
        var selfSigned = await GetAsync(pipeline, "/board?lang=en", (PlatformSignIn.TokenHeader, provider.IdToken(Coordinator, now, forgedKey: true)));
        var otherApp = await GetAsync(pipeline, "/board?lang=en", (PlatformSignIn.TokenHeader, provider.IdToken(Coordinator, now, audience: "another-app")));
        var otherIssuer = await GetAsync(
            pipeline,
            "/board?lang=en",
            (PlatformSignIn.TokenHeader, provider.IdToken(Coordinator, now, issuer: "https://evil.example/v2.0"))
        );
        var notAToken = await GetAsync(pipeline, "/board?lang=en", (PlatformSignIn.TokenHeader, forged));

        Assert.All([principalOnly, selfSigned, otherApp, otherIssuer, notAToken], answer => Assert.Equal(401, answer.Status));
        Assert.Contains("No token", principalOnly.Text);
        Assert.Contains("signature", selfSigned.Text);
        Assert.Contains("another application", otherApp.Text);
        Assert.Contains("does not trust", otherIssuer.Text);
        var chinese = await GetAsync(pipeline, "/board", (PlatformSignIn.TokenHeader, provider.IdToken(Coordinator, now, forgedKey: true)));
        Assert.Contains("该登录的签名不是身份提供方的签名", chinese.Text); // a Chinese page says why in Chinese
        Assert.DoesNotContain("signature", chinese.Text);
        Assert.DoesNotContain("徐明", principalOnly.Text + selfSigned.Text + otherApp.Text + otherIssuer.Text + notAToken.Text);
    }

    [Fact]
    public async Task The_providers_token_names_the_person_whatever_the_principal_headers_say()
    {
        var (pipeline, provider) = await SignedInByPlatformAsync();
        await using var _ = pipeline;
        await using var __ = provider;

        var answer = await GetAsync(
            pipeline,
            "/board",
            (PlatformSignIn.TokenHeader, provider.IdToken(Handler, pipeline.Clock.GetUtcNow())),
            ("X-MS-CLIENT-PRINCIPAL", Principal(("preferred_username", Coordinator))),
            ("X-MS-CLIENT-PRINCIPAL-NAME", Coordinator)
        );

        Assert.Equal(200, answer.Status);
        Assert.Contains("张伟", answer.Text);
        Assert.DoesNotContain("徐明", answer.Text);
    }

    [Fact]
    public async Task An_expired_sign_in_is_sent_to_sign_in_again_and_refused_on_a_post()
    {
        var (pipeline, provider) = await SignedInByPlatformAsync();
        await using var _ = pipeline;
        await using var __ = provider;
        var old = provider.IdToken(Coordinator, pipeline.Clock.GetUtcNow() - TimeSpan.FromHours(2));

        var page = await GetAsync(pipeline, "/board?lang=en", (PlatformSignIn.TokenHeader, old));
        var post = await pipeline.Board.SendAsync(
            "POST",
            "/leave?lang=en",
            null,
            new FormUrlEncodedContent(new Dictionary<string, string>()),
            requestHeaders: new Dictionary<string, string> { [PlatformSignIn.TokenHeader] = old }
        );

        Assert.Equal(302, page.Status);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fboard%3Flang%3Den", page.Headers["Location"]);
        Assert.Equal(401, post.Status);
        Assert.Contains("expired", post.Text);
    }

    [Theory]
    [InlineData(false, true, "WEBSITE_AUTH_ENABLED")]
    [InlineData(true, false, "SignIn__Issuer")]
    public async Task Without_the_platforms_authentication_or_the_sign_ins_settings_even_a_valid_token_signs_nobody_in(
        bool authEnabled,
        bool configured,
        string said
    )
    {
        var (pipeline, provider) = await SignedInByPlatformAsync(authEnabled, configured);
        await using var _ = pipeline;
        await using var __ = provider;

        var answer = await GetAsync(pipeline, "/board", (PlatformSignIn.TokenHeader, provider.IdToken(Coordinator, pipeline.Clock.GetUtcNow())));

        Assert.Equal(401, answer.Status);
        Assert.Contains(said, answer.Text);
        Assert.Equal(Answer.ContentSecurityPolicy, answer.Headers["Content-Security-Policy"]);
    }

    [Fact]
    public async Task The_smoke_script_passes_a_board_that_verifies_and_fails_one_that_believes_the_forged_person()
    {
        var (pipeline, provider) = await SignedInByPlatformAsync();
        await using var _ = pipeline;
        await using var __ = provider;
        await using var verifying = await LocalBoardServer.StartAsync(pipeline.Get<BoardPipeline>(), "nobody@example.org", 0);
        // A board that takes the principal headers at their word: the directory refuses strangers, but knows the forged coordinator.
        await using var believing = new LocalHttpListener(
            context =>
            {
                var named = context.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"];
                context.Response.StatusCode = named is null ? 401 : named == Coordinator ? 200 : 403;
                context.Response.Close();
                return Task.CompletedTask;
            },
            concurrent: false
        );

        var (passed, said) = await SmokeAsync(verifying.Address);
        var (failed, refused) = await SmokeAsync($"http://127.0.0.1:{believing.Port}");

        Assert.True(passed == 0, said);
        Assert.Contains("Forging xu.ming@kizilsu.example.org", said);
        Assert.Equal(1, failed);
        Assert.Contains("FAIL  GET /board with a forged principal → 200", refused);
    }

    private static async Task<(int ExitCode, string Output)> SmokeAsync(string address)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(OfficialCalendars.RepositoryRoot, "scripts", "smoke.sh"), address])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + errors);
    }

    [Fact]
    public void A_look_alike_address_matches_nobody_and_case_does_not_matter()
    {
        var staff = new StaffDirectory([new Person("kate@x.org", "Kate", "housing", Role.Coordinator)]);

        Assert.Null(Viewer.Of("\u212Aate@x.org", staff)); // the Kelvin sign for K
        Assert.Null(Viewer.Of("kate@x.org\u200B", staff));
        Assert.NotNull(Viewer.Of("KATE@x.org", staff));
    }

    [Fact]
    public void Two_roles_see_the_union_of_what_each_sees_and_a_contact_alone_only_submits()
    {
        var staff = StaffDirectory.Parse(new StringReader("""
            email,name,department,role
            head@x.org,Head,housing,head;contact
            lead@x.org,Lead,housing,contact；leader
            clerk@x.org,Clerk,housing,contact
            """));

        Assert.Equal("housing", Viewer.Of("head@x.org", staff)!.Department);
        Assert.Null(Viewer.Of("lead@x.org", staff)!.Department);
        Assert.True(Viewer.Of("clerk@x.org", staff)!.SubmitsOnly); // his department's files and receipts, no board
        Assert.False(Viewer.Of("head@x.org", staff)!.SubmitsOnly);
        Assert.Equal(["clerk@x.org", "head@x.org", "lead@x.org"], staff.WithRole(Role.Contact, "housing").Select(p => p.Email).Order(StringComparer.Ordinal));
        Assert.Equal(["head@x.org"], staff.WithRole(Role.Head, "housing").Select(p => p.Email));
    }

    [Theory]
    [InlineData("head,contact")]
    [InlineData("head,leader")]
    [InlineData("5")]
    [InlineData("chief")]
    [InlineData("")]
    public void A_role_that_is_not_one_by_name_refuses_the_row_with_its_line(string role)
    {
        var refused = Assert.Throws<FormatException>(() =>
            StaffDirectory.Parse(new StringReader($"email,name,department,role\nok@x.org,Ok,housing,head\nbad@x.org,Bad,housing,\"{role}\"\n"))
        );

        Assert.Contains("line 3", refused.Message);
    }

    [Fact]
    public async Task A_directory_with_a_duplicate_row_is_refused_whole_and_the_last_good_one_stays_in_force()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var loader = pipeline.Get<ReferenceDataLoader>();
        var good = await loader.LoadAsync(default);
        var directory = pipeline.Storage.Config.GetBlobClient(ReferenceDataLoader.DirectoryBlob);
        var text = (await directory.DownloadContentAsync()).Value.Content.ToString().TrimEnd();
        var lines = text.Split('\n').Length;

        await directory.UploadAsync(
            BinaryData.FromString($"{text}\nnew.clerk@kizilsu.example.org,新职员,housing,contact\n{text.Split('\n')[1]}\n"),
            overwrite: true
        );
        var bad = await loader.LoadAsync(default);

        Assert.Same(good.Staff, bad.Staff);
        Assert.Null(bad.Staff.Find("new.clerk@kizilsu.example.org"));
        var problem = Assert.Single(bad.Problems);
        Assert.Contains($"directory.csv line {lines + 2}", problem);
        Assert.Contains("appears twice", problem);
        Assert.Contains("last good", problem);
    }

    [Fact]
    public async Task The_local_signing_key_of_a_development_run_is_readable_by_its_owner_only()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aw-key-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using (
                await DevTools.Local.LocalRuntime.StartAsync(
                    new Cli.CliSettings(AzuriteFixture.ConnectionString, null, Path.Combine(folder, "mail"), false),
                    default
                )
            ) { }

            Assert.True(File.Exists(Path.Combine(folder, ".ack-key")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, ".ack-key")));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class CountingStream(long length, bool failOnRead = false) : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (failOnRead)
            {
                throw new InvalidOperationException("the body was read");
            }

            var n = (int)Math.Min(buffer.Length, length - BytesRead);
            buffer.Span[..n].Fill((byte)'a');
            BytesRead += n;
            return ValueTask.FromResult(n);
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_body_declared_larger_than_a_form_is_refused_unread_and_an_undeclared_one_is_read_no_further_than_the_limit()
    {
        const string Form = "application/x-www-form-urlencoded";
        var declared = SubmitTests.Request(new CountingStream(100_000_000, failOnRead: true), Form, 100_000_000);
        Assert.Equal(413, (await BoardForm.ReadAsync(declared, 1000, default)).Status);

        var undeclared = new CountingStream(100_000_000);
        Assert.Equal(413, (await BoardForm.ReadAsync(SubmitTests.Request(undeclared, Form, null), 1000, default)).Status);
        Assert.InRange(undeclared.BytesRead, BoardForm.MaxFormBytes + 1, 2 * BoardForm.MaxFormBytes); // past the limit by at most a read

        var form = await BoardForm.ReadAsync(
            SubmitTests.Request(Encoding.UTF8.GetBytes("promised=2026-03-18&note=%E5%B7%B2%E9%98%85"), Form, null),
            1000,
            default
        );
        Assert.Equal(("2026-03-18", "已阅"), (form.Form["promised"], form.Form["note"]));
        await using var pipeline = await TestPipeline.StartAsync();
        using var large = new ByteArrayContent(new byte[BoardForm.MaxFormBytes + 1]);
        large.Headers.TryAddWithoutValidation("Content-Type", Form);
        Assert.Equal(413, (await pipeline.Board.SendAsync("POST", "/leave", Coordinator, large)).Status);
    }
}

/// <summary>The acknowledgement links and the History behind the project page, as a curious official would try them.</summary>
[Collection(AzuriteCollection.Name)]
public class AcknowledgementTrustTests
{
    private const string Zhang = ScanAndSendTests.Zhang;
    private const string Head = "liu.jianguo@kizilsu.example.org";
    private const string Coordinator = "xu.ming@kizilsu.example.org";
    private const string School = "2022-653001-48-01-00123X";

    private static Task<BoardAnswer> PostAsync(TestPipeline pipeline, string path, string principal, Dictionary<string, string> form) =>
        pipeline.Board.PostAsync(path, principal, form);

    [Fact]
    public async Task A_form_posted_from_another_origin_is_refused_and_changes_nothing()
    {
        var (pipeline, path) = await BoardTests.AckLinkOfZhangAsync();
        await using var _ = pipeline;
        Task<BoardAnswer> Post(string? origin) =>
            pipeline.Board.SendAsync(
                "POST",
                path,
                Zhang,
                new FormUrlEncodedContent(new Dictionary<string, string> { ["promised"] = "2026-03-18" }),
                origin,
                host: "board.example.org"
            );

        Assert.Equal(403, (await Post("https://evil.example.com")).Status);
        Assert.Equal(403, (await Post("null")).Status);
        Assert.Empty(await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>(e => e.AckBy == Zhang).ToListAsync());
        Assert.Equal(200, (await Post("https://board.example.org")).Status);
    }

    [Fact]
    public async Task A_link_spelled_another_way_is_refused_and_changes_nothing()
    {
        var (pipeline, path) = await BoardTests.AckLinkOfZhangAsync();
        await using var _ = pipeline;
        var (payload, signature) = (path[5..path.IndexOf('.')], path[(path.IndexOf('.') + 1)..]);

        foreach (
            var spelling in new[]
            {
                path + "=",
                $"/ack/{payload}=.{signature}",
                $"/ack/{payload}.{signature}==",
                $"/ack/{payload.Replace('-', '+').Replace('_', '/')}.{signature.Replace('-', '+').Replace('_', '/')}",
            }.Where(p => p != path)
        )
        {
            Assert.Equal(400, (await PostAsync(pipeline, spelling, Zhang, new() { ["promised"] = "2026-03-18" })).Status);
        }

        Assert.Empty(await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>(e => e.AckBy == Zhang).ToListAsync());
        Assert.Equal(200, (await PostAsync(pipeline, path, Zhang, new() { ["promised"] = "2026-03-18" })).Status);
    }

    [Fact]
    public async Task A_link_works_once_even_after_another_link_of_the_same_procedure_was_used()
    {
        var (pipeline, monday) = await BoardTests.AckLinkOfZhangAsync();
        await using var _ = pipeline;
        Assert.Equal(200, (await PostAsync(pipeline, monday, Zhang, new() { ["promised"] = "2026-03-18" })).Status);

        // Tuesday's digest brings a second link for the same procedure; it is used, then Monday's is tried again on Wednesday.
        pipeline.Clock.Now = pipeline.Clock.Now.AddDays(1);
        var procedure = AckOf(pipeline, monday);
        var tuesday =
            "/ack/"
            + new Domain.Acknowledgements.AckToken(
                Zhang,
                procedure.ProjectCode,
                procedure.ProcedureCode,
                TestPipeline.Monday.AddDays(1),
                pipeline.Clock.GetUtcNow().AddDays(14)
            ).Sign(Encoding.UTF8.GetBytes("test-ack-key"));
        Assert.Equal(200, (await PostAsync(pipeline, tuesday, Zhang, new() { ["promised"] = "2026-03-19" })).Status);
        pipeline.Clock.Now = pipeline.Clock.Now.AddDays(1);

        Assert.Equal(409, (await PostAsync(pipeline, monday, Zhang, new() { ["promised"] = "2026-03-20" })).Status);
        var row = (await pipeline.Storage.Procedures.GetEntityAsync<ProcedureEntity>(procedure.ProjectCode, procedure.ProcedureCode)).Value;
        Assert.Equal("2026-03-19", row.PromisedOn);
    }

    [Fact]
    public async Task A_procedure_takes_one_promise_a_day_and_a_long_note_is_cut_once_for_the_procedure_and_its_history()
    {
        var (pipeline, path) = await BoardTests.AckLinkOfZhangAsync();
        await using var _ = pipeline;
        // Longer than a note may be, and still a form the board reads (at most 16 KiB as a browser encodes it).
        var note = new string('补', 3 * Domain.Acknowledgements.Acknowledgement.MaxNote);

        Assert.Equal(200, (await PostAsync(pipeline, path, Zhang, new() { ["promised"] = "2026-03-18", ["note"] = note })).Status);
        var procedure = AckOf(pipeline, path);
        var second =
            "/ack/"
            + new Domain.Acknowledgements.AckToken(
                Zhang,
                procedure.ProjectCode,
                procedure.ProcedureCode,
                TestPipeline.Monday,
                pipeline.Clock.GetUtcNow().AddDays(13)
            ).Sign(Encoding.UTF8.GetBytes("test-ack-key"));
        Assert.Equal(409, (await PostAsync(pipeline, second, Zhang, new() { ["promised"] = "2026-03-19" })).Status);

        var row = (await pipeline.Storage.Procedures.GetEntityAsync<ProcedureEntity>(procedure.ProjectCode, procedure.ProcedureCode)).Value;
        var audit = Assert.Single(await pipeline.Storage.History.QueryAsync<HistoryEntity>(h => h.Kind == "ack").ToListAsync());
        Assert.Equal((Domain.Acknowledgements.Acknowledgement.MaxNote, "2026-03-18"), (row.AckNote!.Length, row.PromisedOn));
        Assert.EndsWith(row.AckNote, audit.To);
        Assert.True(audit.To.Length <= HistoryEntity.MaxText);
    }

    [Fact]
    public async Task A_head_on_a_shared_project_sees_only_his_departments_history()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        var at = pipeline.Clock.GetUtcNow();
        await pipeline.Storage.History.AddEntityAsync(HistoryEntity.Change(School, "FI-01", "ack", null, "finance secret note", at, "board", "finance"));
        await pipeline.Storage.History.AddEntityAsync(HistoryEntity.Change(School, "process", "flag", null, "red", at.AddSeconds(1), "scan", department: null));

        var head = Encoding.UTF8.GetString((await BoardTests.GetAsync(pipeline, $"/projects/{School}", Head)).Body);
        var coordinator = Encoding.UTF8.GetString((await BoardTests.GetAsync(pipeline, $"/projects/{School}", Coordinator)).Body);
        var api = Encoding.UTF8.GetString((await BoardTests.GetAsync(pipeline, $"/api/projects/{School}", Head)).Body);

        Assert.DoesNotContain("finance secret note", head);
        Assert.DoesNotContain("finance secret note", api);
        Assert.Contains("housing/2026-03-13.csv", head); // his own department's rows
        Assert.Contains("finance secret note", coordinator);
        Assert.Contains("scan", coordinator);
    }

    [Fact]
    public async Task The_ack_page_rechecks_the_viewers_scope_with_the_answer_of_a_missing_procedure()
    {
        var (pipeline, path) = await BoardTests.AckLinkOfZhangAsync();
        await using var _ = pipeline;
        var directory = pipeline.Storage.Config.GetBlobClient(ReferenceDataLoader.DirectoryBlob);
        var text = (await directory.DownloadContentAsync()).Value.Content.ToString();
        await directory.UploadAsync(
            BinaryData.FromString(text.Replace($"{Zhang},张伟,housing", $"{Zhang},张伟,finance", StringComparison.Ordinal)),
            overwrite: true
        ); // moved to another department

        var answer = await pipeline.Board.GetAsync(path, Zhang);

        Assert.Equal(404, answer.Status);
        Assert.Empty(await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>(e => e.AckBy == Zhang).ToListAsync());
    }

    [Fact]
    public async Task The_ack_page_measures_into_a_year_not_loaded_and_marks_it_provisional()
    {
        var (pipeline, path) = await BoardTests.AckLinkOfZhangAsync();
        await using var _ = pipeline;
        var procedure = AckOf(pipeline, path);
        pipeline.Clock.Now = Domain.Calendar.OfficeClock.At(new DateOnly(2026, 12, 28), new TimeOnly(10, 0)); // ten working days on reach into 2027, not loaded
        var late =
            "/ack/"
            + new Domain.Acknowledgements.AckToken(
                Zhang,
                procedure.ProjectCode,
                procedure.ProcedureCode,
                new DateOnly(2026, 12, 28),
                pipeline.Clock.GetUtcNow().AddDays(14)
            ).Sign(Encoding.UTF8.GetBytes("test-ack-key"));

        var answer = await pipeline.Board.GetAsync(late, Zhang);

        Assert.Equal(200, answer.Status);
        Assert.Contains("暂定", Encoding.UTF8.GetString(answer.Body), StringComparison.Ordinal);
    }

    /// <summary>The procedure a link acknowledges.</summary>
    private static (string ProjectCode, string ProcedureCode) AckOf(TestPipeline pipeline, string path)
    {
        var (_, parsed) = Domain.Acknowledgements.AckToken.Verify(
            path["/ack/".Length..],
            pipeline.Clock.GetUtcNow().AddDays(-2),
            Encoding.UTF8.GetBytes("test-ack-key")
        );
        return (parsed!.ProjectCode, parsed.ProcedureCode);
    }
}
