package dev.gale.server;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorRegistry;
import dev.gale.server.api.ApiModule;
import dev.gale.server.api.SystemApi;
import dev.gale.server.api.config.AttemptApi;
import dev.gale.server.api.config.ChecksApi;
import dev.gale.server.api.config.ConnectionsApi;
import dev.gale.server.api.config.ConnectorBuilderProjectsApi;
import dev.gale.server.api.config.DeclarativeSourceDefinitionsApi;
import dev.gale.server.api.config.DestinationDefinitionsApi;
import dev.gale.server.api.config.DestinationsApi;
import dev.gale.server.api.config.DiscoverApi;
import dev.gale.server.api.config.JobsApi;
import dev.gale.server.api.config.LogsApi;
import dev.gale.server.api.config.OperationsApi;
import dev.gale.server.api.config.SourceDefinitionsApi;
import dev.gale.server.api.config.SourcesApi;
import dev.gale.server.api.config.StateApi;
import dev.gale.server.api.config.WebBackend;
import dev.gale.server.api.config.WebBackendApi;
import dev.gale.server.api.config.WorkspacesApi;
import dev.gale.server.api.publicapi.ApplicationsApi;
import dev.gale.server.api.publicapi.ConnectionsPublicApi;
import dev.gale.server.api.publicapi.DefinitionsPublicApi;
import dev.gale.server.api.publicapi.DestinationsPublicApi;
import dev.gale.server.api.publicapi.JobsPublicApi;
import dev.gale.server.api.publicapi.OrganizationsPublicApi;
import dev.gale.server.api.publicapi.PublicConnections;
import dev.gale.server.api.publicapi.PublicStreams;
import dev.gale.server.api.publicapi.SourcesPublicApi;
import dev.gale.server.api.publicapi.StreamsPublicApi;
import dev.gale.server.api.publicapi.TagsPublicApi;
import dev.gale.server.api.publicapi.WorkspacesPublicApi;
import dev.gale.server.auth.JwtCodec;
import dev.gale.server.catalog.CatalogEntry;
import dev.gale.server.catalog.CatalogFolder;
import dev.gale.server.catalog.ManifestLoader;
import dev.gale.server.http.ApiServer;
import dev.gale.server.http.Authenticator;
import dev.gale.server.http.BasicAuthenticator;
import dev.gale.server.http.BearerAuthenticator;
import dev.gale.server.http.Router;
import dev.gale.server.jobs.JobRuntime;
import dev.gale.server.logs.LogFiles;
import dev.gale.server.metrics.GaleMetrics;
import dev.gale.server.metrics.JobMetrics;
import dev.gale.server.metrics.MetricsApi;
import dev.gale.server.metrics.StoreGauges;
import dev.gale.server.secrets.ConfigSecrets;
import dev.gale.server.secrets.ConfigurationSeals;
import dev.gale.server.secrets.SecretCipher;
import dev.gale.server.service.actor.ActorService;
import dev.gale.server.service.actor.ConnectorCheckService;
import dev.gale.server.service.application.ApplicationService;
import dev.gale.server.service.application.TokenService;
import dev.gale.server.service.builder.BuilderProjectService;
import dev.gale.server.service.builder.BuilderTestReads;
import dev.gale.server.service.catalog.DiscoverService;
import dev.gale.server.service.connection.ConnectionService;
import dev.gale.server.service.definition.ConnectorCatalog;
import dev.gale.server.service.definition.DeclarativeSourceService;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.job.AttemptService;
import dev.gale.server.service.job.JobService;
import dev.gale.server.service.job.ServerLogService;
import dev.gale.server.service.job.StateService;
import dev.gale.server.service.operation.OperationService;
import dev.gale.server.service.workspace.OrganizationService;
import dev.gale.server.service.workspace.TagService;
import dev.gale.server.service.workspace.WorkspaceService;
import dev.gale.server.store.ActorRepository;
import dev.gale.server.store.ApplicationRepository;
import dev.gale.server.store.BuilderProjectRepository;
import dev.gale.server.store.CatalogRepository;
import dev.gale.server.store.ConfigurationSeal;
import dev.gale.server.store.ConnectionRepository;
import dev.gale.server.store.Database;
import dev.gale.server.store.DeclarativeSourceRepository;
import dev.gale.server.store.DefinitionRepository;
import dev.gale.server.store.HistoryPruning;
import dev.gale.server.store.JobCensus;
import dev.gale.server.store.JobQueue;
import dev.gale.server.store.JobRepository;
import dev.gale.server.store.OperationRepository;
import dev.gale.server.store.PrivateFiles;
import dev.gale.server.store.ProcessHeartbeats;
import dev.gale.server.store.SecretKeyCheck;
import dev.gale.server.store.StateRepository;
import dev.gale.server.store.StreamGenerationRepository;
import dev.gale.server.store.TagRepository;
import dev.gale.server.store.WorkspaceRepository;
import dev.gale.server.validation.ConfigValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: opens the store, builds the services, mounts every API family and serves them. The only
 * place that knows how the parts are wired; everything else takes its collaborators in its constructor.
 */
public final class GaleServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GaleServer.class);
  public static final String VERSION = "0.1.0";
  /** How long a connector's check or discovery may take before it counts as failed. */
  private static final Duration CONNECTOR_CALL_TIMEOUT = Duration.ofMinutes(2);
  /** The migration that adds configuration seals; the process that applies it seals the rows already there. */
  private static final String CONFIGURATION_SEALS_MIGRATION = "7";

  private final GaleConfig config;
  private final Database database;
  private final JobRuntime jobs;
  private final ApiServer http;
  private final LogFiles logs;
  private final GaleMetrics metrics;

  private GaleServer(GaleConfig config, Database database, JobRuntime jobs, ApiServer http, LogFiles logs,
                     GaleMetrics metrics) {
    this.config = config;
    this.database = database;
    this.jobs = jobs;
    this.http = http;
    this.logs = logs;
    this.metrics = metrics;
  }

  public static GaleServer start(GaleConfig config) {
    requireNonNull(config, "config is null");
    Clock clock = Clock.systemUTC();
    Database database = openStore(config, clock);
    LogFiles logs = LogFiles.open(config.dataDir());
    GaleMetrics metrics = new GaleMetrics();
    Wiring wiring = null;
    try {
      Router router = new Router();
      wiring = wire(ProcessHeartbeats.Kind.SERVER, router, database, config, clock, logs, metrics);
      for (ApiModule module : wiring.modules()) {
        module.routes().forEach(router::add);
      }
      ApiServer http = new ApiServer(config.host(), config.port(), router, authenticators(config, wiring.tokens()),
          config.http(), metrics.http());
      http.start();
      LOG.info("Gale {} serving on port {} (store: {})", VERSION, http.port(), database.vendor());
      return new GaleServer(config, database, wiring.jobs(), http, logs, metrics);
    } catch (IOException | RuntimeException e) {
      if (wiring != null) {
        wiring.jobs().close();
      }
      metrics.close();
      logs.close();
      database.close();
      throw e instanceof IOException io ? new UncheckedIOException("Cannot listen on port " + config.port(), io) : (RuntimeException) e;
    }
  }

  /**
   * Who may call the routes that are not open. Basic and bearer both work on both APIs: scripts written for either
   * kind of Airbyte deployment keep working. None when auth is switched off.
   */
  static List<Authenticator> authenticators(GaleConfig config, TokenService tokens) {
    return config.auth().enabled()
        ? List.of(new BasicAuthenticator(config.auth().username(), config.auth().password()),
            new BearerAuthenticator(tokens::verify))
        : List.of();
  }

  /**
   * The data directory made private (0700, its files 0600), the store opened and migrated. The directory is
   * secured again once the store is open, for the files H2 has just created in it.
   */
  public static Database openStore(GaleConfig config, Clock clock) {
    PrivateFiles.secureDirectory(config.dataDir());
    Database database = Database.open(config.database(), clock);
    try {
      PrivateFiles.secureGaleFiles(config.dataDir());
      SecretCipher cipher = SecretCipher.forServer(config.secretKey(), config.dataDir());
      SecretKeyCheck.requireSameKey(database, Base64.getEncoder().encodeToString(cipher.deriveKey("store key check")));
      if (database.migratedNow(CONFIGURATION_SEALS_MIGRATION)) {
        int sealed = new ActorRepository(database, ConfigurationSeals.of(cipher)).sealUnsealed();
        LOG.info("Sealed the stored configurations of {} sources and destinations", sealed);
      }
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** The seal of stored configurations: keyed by the secret key, so every process sharing the store agrees. */
  public static ConfigurationSeal configurationSeal(GaleConfig config) {
    return ConfigurationSeals.of(SecretCipher.forServer(config.secretKey(), config.dataDir()));
  }

  /** The APIs to serve, and the workers and scheduler running behind them. */
  record Wiring(List<ApiModule> modules, JobRuntime jobs, TokenService tokens) {}

  /** The key that signs bearer tokens: derived from the secret key, so it is kept and shared the same way. */
  public static JwtCodec tokenCodec(SecretCipher cipher, Clock clock) {
    return new JwtCodec(cipher.deriveKey("bearer token signing"), TokenService.ISSUER, clock);
  }

  /**
   * Builds the repositories and services, brings the store's built-in state up to date, starts the workers, the
   * scheduler and the heartbeat of a process of that {@code kind}, and lists the APIs. The store pool, the jobs and
   * the store-wide gauges report to {@code metrics}.
   */
  static Wiring wire(ProcessHeartbeats.Kind kind, Router router, Database database, GaleConfig config, Clock clock,
                     LogFiles logs, GaleMetrics metrics) {
    SecretCipher cipher = SecretCipher.forServer(config.secretKey(), config.dataDir());
    database.instrument(metrics.registry());

    WorkspaceRepository workspaceRepository = new WorkspaceRepository(database);
    DefinitionRepository definitionRepository = new DefinitionRepository(database);
    ActorRepository actorRepository = new ActorRepository(database, ConfigurationSeals.of(cipher));
    ConnectionRepository connectionRepository = new ConnectionRepository(database);
    DeclarativeSourceRepository declarativeRepository = new DeclarativeSourceRepository(database);

    ManifestLoader manifests = new ManifestLoader();
    ConnectorCatalog catalog = new ConnectorCatalog(ConnectorRegistry.builtIns(),
        loadCatalogFolder(config.connectors(), manifests), declarativeRepository, manifests, config.launches(),
        config.connectors());
    WorkspaceService workspaces = new WorkspaceService(workspaceRepository, connectionRepository, actorRepository, cipher, clock);
    DefinitionService definitions = new DefinitionService(definitionRepository, catalog, clock, config.specTimeout());
    ActorService actors = new ActorService(actorRepository, connectionRepository, definitionRepository, definitions,
        workspaces, new ConfigSecrets(cipher), new ConfigValidator(), clock);
    definitions.registerBuiltIns();
    workspaces.ensureDefaultWorkspace();

    OperationRepository operationRepository = new OperationRepository(database);
    CatalogRepository catalogRepository = new CatalogRepository(database);
    DiscoverService discovery = new DiscoverService(actors, definitions, connectionRepository, catalogRepository, clock,
        CONNECTOR_CALL_TIMEOUT);
    ConnectionService connections = new ConnectionService(connectionRepository, actors, operationRepository,
        catalogRepository, workspaces, definitions, discovery, clock);
    OperationService operations = new OperationService(operationRepository, connectionRepository, connections, workspaces,
        clock);
    StateRepository stateRepository = new StateRepository(database);

    JobRepository jobRepository = new JobRepository(database);
    JobMetrics jobMetrics = new JobMetrics(metrics.registry(), jobRepository);
    JobQueue queue = new JobQueue(database, jobMetrics);
    StoreGauges.register(metrics.registry(), new JobCensus(database));
    JobRuntime jobs = JobRuntime.start(kind, config.jobs(), new JobRuntime.Parts(jobRepository, queue, stateRepository,
        new StreamGenerationRepository(database), connectionRepository, connections, actors, definitions,
        new HistoryPruning(database), new ProcessHeartbeats(database)),
        config.dataDir(), clock, jobMetrics);
    JobService jobService = new JobService(jobRepository, queue, connections, actors, jobs.localJobs(),
        config.jobs().cancelWait(), clock);
    StateService states = new StateService(stateRepository, connections, jobService);

    ApplicationService applications = new ApplicationService(new ApplicationRepository(database), cipher, clock);
    applications.ensureFirst();
    TokenService tokens = new TokenService(applications, tokenCodec(cipher, clock), config.tokenTtl(), clock);

    List<ApiModule> modules = new ArrayList<>();
    modules.add(new SystemApi(router, VERSION));
    modules.add(new MetricsApi(metrics));
    OrganizationService organizations = new OrganizationService(workspaces, config.user().name(), config.user().email());
    modules.add(new WorkspacesApi(workspaces, organizations));
    modules.add(new SourceDefinitionsApi(definitions, workspaces, clock));
    modules.add(new DestinationDefinitionsApi(definitions, workspaces, clock));
    modules.add(new SourcesApi(actors));
    modules.add(new DestinationsApi(actors));
    modules.add(new ChecksApi(actors, new ConnectorCheckService(definitions, clock, CONNECTOR_CALL_TIMEOUT)));
    modules.add(new ConnectionsApi(connections, jobService));
    modules.add(new OperationsApi(operations));
    modules.add(new StateApi(states));
    modules.add(new DiscoverApi(discovery));
    modules.add(new JobsApi(jobService));
    modules.add(new AttemptApi(new AttemptService(jobRepository, connections, actors, definitions)));
    modules.add(new ApplicationsApi(applications, tokens));
    TagService tags = new TagService(new TagRepository(database), workspaces, clock);
    modules.add(new ConnectionsPublicApi(new PublicConnections(connections, discovery, actors, workspaces, tags)));
    modules.add(new StreamsPublicApi(new PublicStreams(discovery, connections, actors)));
    modules.add(new TagsPublicApi(tags));
    modules.add(new WorkspacesPublicApi(workspaces));
    modules.add(new SourcesPublicApi(actors));
    modules.add(new DestinationsPublicApi(actors));
    modules.add(new OrganizationsPublicApi(organizations));
    BuilderProjectRepository builderProjectRepository = new BuilderProjectRepository(database);
    DeclarativeSourceService declaratives = new DeclarativeSourceService(declarativeRepository, builderProjectRepository,
        definitions, workspaces, manifests, clock);
    BuilderProjectService builderProjects = new BuilderProjectService(builderProjectRepository, declaratives, definitions,
        workspaces, new ConfigSecrets(cipher), clock);
    modules.add(new DefinitionsPublicApi(definitions, declaratives, workspaces));
    modules.add(new DeclarativeSourceDefinitionsApi(declaratives));
    modules.add(new ConnectorBuilderProjectsApi(builderProjects,
        new BuilderTestReads(builderProjects, manifests, CONNECTOR_CALL_TIMEOUT)));
    modules.add(new WebBackendApi(new WebBackend(connections, actors, operations, jobService, states, discovery,
        workspaces, definitions)));
    modules.add(new JobsPublicApi(jobService, clock));
    modules.add(new LogsApi(new ServerLogService(logs, () -> {
      List<String> secrets = new ArrayList<>(actors.storedSecretValues());
      secrets.addAll(builderProjects.storedSecretValues());
      return secrets;
    })));
    return new Wiring(modules, jobs, tokens);
  }

  /**
   * The manifest-only sources of the connector catalog folder that load. Every other folder is logged with its path
   * and the reason and left out: a broken connector never stops the server.
   */
  private static List<CatalogEntry.Loaded> loadCatalogFolder(Path folder, ManifestLoader manifests) {
    if (!Files.isDirectory(folder)) {
      LOG.info("No connector catalog at {} (GALE_CONNECTORS)", folder.toAbsolutePath());
      return List.of();
    }
    List<CatalogEntry> entries;
    try {
      entries = CatalogFolder.scan(folder, manifests);
    } catch (UncheckedIOException e) {
      LOG.warn("The connector catalog {} cannot be read, and is left out: {}", folder.toAbsolutePath(),
          e.getCause().getMessage());
      return List.of();
    }
    List<CatalogEntry.Loaded> loaded = new ArrayList<>();
    for (CatalogEntry entry : entries) {
      switch (entry) {
        case CatalogEntry.Loaded source -> loaded.add(source);
        case CatalogEntry.Refused refused ->
            LOG.warn("Connector catalog folder {} is skipped: {}", refused.folder(), refused.reason());
      }
    }
    LOG.info("Connector catalog {}: {} manifest-only sources load", folder.toAbsolutePath(), loaded.size());
    return loaded;
  }

  public int port() {
    return http.port();
  }

  public GaleConfig config() {
    return config;
  }

  public Database database() {
    return database;
  }

  /**
   * Stops gracefully (a SIGTERM's shutdown hook calls this): first the jobs, whose running syncs stop at their next
   * committed state within {@code GALE_SHUTDOWN_GRACE} and are handed to other processes at once (see
   * {@link JobRuntime#close}); the API serves meanwhile, so that the job can be followed and cancelled. Then the
   * API, then the store, which both need until the end.
   */
  @Override
  public void close() {
    // Jobs first: their last committed states and attempt ends need the store, and the API may still be asked about
    // them. The HTTP server must finish its in-flight requests before the store closes.
    jobs.close();
    http.close();
    metrics.close();
    logs.close();
    database.close();
  }
}
