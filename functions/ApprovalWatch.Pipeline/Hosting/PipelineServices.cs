using ApprovalWatch.Pipeline.Events;
using ApprovalWatch.Pipeline.Gathering;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Operations;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Pipeline.Templates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalWatch.Pipeline.Hosting;

/// <summary>Registers the pipeline's services, options and storage clients; shared by the Functions app and the CLI.</summary>
public static class PipelineServices
{
    public static IServiceCollection AddApprovalWatchPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ScanOptions>().Bind(configuration.GetSection(ScanOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services
            .AddOptions<KeyProjects.KeyProjectOptions>()
            .Bind(configuration.GetSection(KeyProjects.KeyProjectOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var transport = configuration.GetSection(MailOptions.Section).Get<MailOptions>()?.Transport ?? MailTransport.SendGrid;
        services
            .AddOptions<SendGridOptions>()
            .Bind(configuration.GetSection(SendGridOptions.Section))
            .Validate(o => transport != MailTransport.SendGrid || o.ApiKey.Length > 0, "SendGrid:ApiKey is required when Mail:Transport is SendGrid")
            .ValidateOnStart();
        services
            .AddOptions<SmtpOptions>()
            .Bind(configuration.GetSection(SmtpOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => transport != MailTransport.Smtp || o.Host.Length > 0, "Smtp:Host is required when Mail:Transport is Smtp")
            .ValidateOnStart();

        // Queue and container names are top-level settings, as the triggers read %IngestQueue%, %NotifyQueue% and %ScanQueue%.
        var names = new StorageNames();
        configuration.Bind(names);
        services.TryAddSingleton(_ => StorageAccount.FromConfiguration(configuration, names));

        services.AddSingleton<HistoryLog>();
        services.AddSingleton<ProcedureTable>();
        services.AddSingleton<KeyProjectTable>();
        services.AddSingleton<ProjectMeasureTable>();
        services.AddSingleton<Staff.LeaveRegister>();
        services.AddSingleton<LastGoodConfiguration>();
        services.AddSingleton<ReferenceDataLoader>();
        services.AddSingleton<SubmissionGatherer>();
        services.AddSingleton<TemplatePublisher>();
        services.AddSingleton<ReceiptWriter>();
        services.AddSingleton<ProcedureApplier>();
        services.AddSingleton<KeyProjects.ProjectFileApplier>();
        services.AddSingleton<KeyProjects.WeeklyReports>();
        services.AddSingleton<KeyProjects.ProblemHandover>();
        services.AddSingleton<Acknowledgements.Acknowledging>();
        services
            .AddOptions<BoardOptions>()
            .Bind(configuration.GetSection(BoardOptions.Section))
            .ValidateDataAnnotations()
            .Validate(
                o => string.IsNullOrWhiteSpace(o.BaseUrl) || !string.IsNullOrWhiteSpace(o.AckKey),
                "Board:AckKey is required when Board:BaseUrl is set: without it mails would carry no acknowledgement links while problems climb"
            )
            .ValidateOnStart();
        services.AddSingleton<AckLinks>();
        services.AddSingleton<WeekSheets>();
        services.AddSingleton<Uploads>();
        services.AddSingleton<SubmissionLedger>();
        services.AddSingleton<IngestClaims>();
        services.AddSingleton<LargeFileTurns>();
        services.AddSingleton<SubmissionIngestor>();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<MailKinds>();
        services.AddMailKind<DigestMail>();
        services.AddMailKind<Ingestion.ReceiptMail>();
        services.AddMailKind<OperatorReportMail>();
        services.AddMailKind<KeyProjects.WeeklyReportMail>();
        services.AddSingleton<Notices.NoticeBook>();
        services.AddSingleton<Notices.NoticeArchive>();
        services.AddSingleton<Notices.NoticePost>();
        services.AddSingleton<Notices.NoticeTransfers>();
        services.AddSingleton<Supervision.LeaderNotices>();
        services.AddMailKind<Notices.NoticeMail>();
        services.AddSingleton<Notices.NoticeReplies>();
        services.AddMailKind<Monthly.BulletinMail>();
        services.AddOptions<Chat.ChatOptions>().Bind(configuration.GetSection(Chat.ChatOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Chat.ChatSecrets>();
        services.AddSingleton<Chat.ChatRobotClient>();
        services.AddSingleton<Chat.ChatSummaries>();
        services.AddMailKind<Chat.ChatMessages>();
        services.AddSingleton<ScanLog>();
        services.AddSingleton<OperatorReportBuilder>();
        services.AddOptions<OperationsOptions>().Bind(configuration.GetSection(OperationsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ConfigurationAlarm>();
        services.AddSingleton<ScanRuns>();
        services.AddSingleton<ShardLines>();
        services.AddSingleton<ShardMeasurer>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<EventPublisher>();
        services.AddSingleton<ScanFinisher>();
        // What a scanned day sets off, in this order: notices (each announced to its group chat), the groups' summaries,
        // the month's bulletin on its first working day, then the operator report of whatever went wrong.
        services.AddEventHandler<DayScanned, Notices.NoticeIssuer>();
        services.AddEventHandler<DayScanned, Chat.ChatMessages>();
        services.AddEventHandler<Notices.NoticeIssued, Chat.ChatMessages>();
        services.AddEventHandler<DayScanned, Monthly.MonthlyBulletins>();
        services.AddEventHandler<DayScanned, OperatorReportOnScan>();
        services.AddSingleton<ShardScanner>();
        services.AddSingleton<DeadlineScanner>();
        if (transport == MailTransport.Smtp)
        {
            services.AddSingleton<IMailTransport, SmtpMailer>();
        }
        else
        {
            services.AddSingleton<IMailTransport, SendGridMailer>();
        }

        services.AddSingleton<NotificationSender>();
        services.AddSingleton<Backup.TableBackup>();
        services.AddSingleton<Telemetry.PipelineMetrics>();
        services.AddSingleton<BacklogProbe>();
        services.AddSingleton<PipelineFunctions>();
        return services;
    }
}
