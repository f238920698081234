package dev.rendergate.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code rendergate} command: the entry point of the executable jar. */
@Command(
    name = "rendergate",
    mixinStandardHelpOptions = true,
    versionProvider = Rendergate.Version.class,
    usageHelpAutoWidth = true,
    description = {
      "Edge prerender gateway: crawlers get complete HTML rendered by a Java farm, people get the SPA untouched.",
      "Every option can also be set with the environment variable named after it, e.g. --farm-port as RENDERGATE_FARM_PORT."
    },
    subcommands = {
      UpCommand.class,
      FarmCommand.class,
      GatewayCommand.class,
      ClassifyCommand.class,
      RenderCommand.class,
      WarmCommand.class,
      AuditCommand.class,
      CrawlReportCommand.class,
      InvalidateCommand.class,
      CrawlerRangesCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Rendergate implements Runnable {

  @Option(
      names = LogSetup.OPTION,
      scope = ScopeType.INHERIT,
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Log format: text or json (one JSON object per line). [env: RENDERGATE_LOG_FORMAT]")
  LogFormat logFormat;

  enum LogFormat { text, json }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    LeakDetection.offUnlessAsked();
    System.exit(execute(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns the process exit code: 0 success, 1 failure, 2 usage error. */
  static int execute(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    LogSetup.configure(args, environment);
    CommandLine commandLine = commandLine(environment);
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }

  /** The configured command tree; exposed for tests that inspect options. */
  static CommandLine commandLine(Map<String, String> environment) {
    CommandLine commandLine = new CommandLine(new Rendergate());
    commandLine.setDefaultValueProvider(new EnvironmentDefaults(environment));
    commandLine.registerConverter(java.time.Duration.class, new DurationConverter());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(new StartupFailureHandler());
    return commandLine;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Rendergate.class.getPackage().getImplementationVersion();
      return new String[] {"rendergate " + (version == null ? "development build" : version)};
    }
  }
}
