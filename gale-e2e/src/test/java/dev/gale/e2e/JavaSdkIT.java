package dev.gale.e2e;

import static dev.gale.e2e.SdkCalls.expect;
import static dev.gale.e2e.SdkCalls.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.airbyte.api.Airbyte;
import com.airbyte.api.models.operations.CancelJobRequest;
import com.airbyte.api.models.operations.CancelJobResponse;
import com.airbyte.api.models.operations.CreateConnectionResponse;
import com.airbyte.api.models.operations.CreateDestinationResponse;
import com.airbyte.api.models.operations.CreateJobResponse;
import com.airbyte.api.models.operations.CreateSourceResponse;
import com.airbyte.api.models.operations.CreateWorkspaceResponse;
import com.airbyte.api.models.operations.DeleteConnectionRequest;
import com.airbyte.api.models.operations.DeleteConnectionResponse;
import com.airbyte.api.models.operations.DeleteDestinationRequest;
import com.airbyte.api.models.operations.DeleteDestinationResponse;
import com.airbyte.api.models.operations.DeleteSourceRequest;
import com.airbyte.api.models.operations.DeleteSourceResponse;
import com.airbyte.api.models.operations.DeleteWorkspaceRequest;
import com.airbyte.api.models.operations.DeleteWorkspaceResponse;
import com.airbyte.api.models.operations.GetConnectionRequest;
import com.airbyte.api.models.operations.GetConnectionResponse;
import com.airbyte.api.models.operations.GetDestinationRequest;
import com.airbyte.api.models.operations.GetDestinationResponse;
import com.airbyte.api.models.operations.GetJobRequest;
import com.airbyte.api.models.operations.GetJobResponse;
import com.airbyte.api.models.operations.GetSourceRequest;
import com.airbyte.api.models.operations.GetSourceResponse;
import com.airbyte.api.models.operations.GetStreamPropertiesRequest;
import com.airbyte.api.models.operations.GetStreamPropertiesResponse;
import com.airbyte.api.models.operations.GetWorkspaceRequest;
import com.airbyte.api.models.operations.GetWorkspaceResponse;
import com.airbyte.api.models.operations.ListConnectionsRequest;
import com.airbyte.api.models.operations.ListConnectionsResponse;
import com.airbyte.api.models.operations.ListDestinationsRequest;
import com.airbyte.api.models.operations.ListDestinationsResponse;
import com.airbyte.api.models.operations.ListJobsRequest;
import com.airbyte.api.models.operations.ListJobsResponse;
import com.airbyte.api.models.operations.ListSourcesRequest;
import com.airbyte.api.models.operations.ListSourcesResponse;
import com.airbyte.api.models.operations.ListWorkspacesRequest;
import com.airbyte.api.models.operations.ListWorkspacesResponse;
import com.airbyte.api.models.shared.ConnectionCreateRequest;
import com.airbyte.api.models.shared.ConnectionResponse;
import com.airbyte.api.models.shared.ConnectionSchedule;
import com.airbyte.api.models.shared.ConnectionStatusEnum;
import com.airbyte.api.models.shared.ConnectionSyncModeEnum;
import com.airbyte.api.models.shared.DestinationCreateRequest;
import com.airbyte.api.models.shared.DestinationPostgres;
import com.airbyte.api.models.shared.DestinationPostgresPostgres;
import com.airbyte.api.models.shared.DestinationPostgresSslModeDisable;
import com.airbyte.api.models.shared.DestinationPostgresSslModeDisableMode;
import com.airbyte.api.models.shared.DestinationResponse;
import com.airbyte.api.models.shared.JobCreateRequest;
import com.airbyte.api.models.shared.JobResponse;
import com.airbyte.api.models.shared.JobStatusEnum;
import com.airbyte.api.models.shared.JobTypeEnum;
import com.airbyte.api.models.shared.NonBreakingSchemaUpdatesBehaviorEnum;
import com.airbyte.api.models.shared.ScheduleTypeEnum;
import com.airbyte.api.models.shared.ScheduleTypeWithBasicEnum;
import com.airbyte.api.models.shared.Security;
import com.airbyte.api.models.shared.SourceCreateRequest;
import com.airbyte.api.models.shared.SourceFaker;
import com.airbyte.api.models.shared.SourceFakerFaker;
import com.airbyte.api.models.shared.SourceResponse;
import com.airbyte.api.models.shared.StreamConfiguration;
import com.airbyte.api.models.shared.StreamConfigurations;
import com.airbyte.api.models.shared.StreamProperties;
import com.airbyte.api.models.shared.WorkspaceCreateRequest;
import com.airbyte.api.models.shared.WorkspaceResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.store.Database;
import dev.gale.server.testing.TestingGaleServer;
import dev.gale.server.testing.TestingPostgres;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gale driven by Airbyte's official Java SDK 0.16.2, unchanged, as its users run it: a bearer token, then workspaces,
 * a Sample Data source, a Postgres destination (a real PostgreSQL), a connection, sync, reset and cancelled jobs,
 * and deletion, every call through the SDK's own HTTP client (a new {@code java.net.http.HttpClient} per call, which
 * asks a plain-http server to upgrade to HTTP/2).
 */
class JavaSdkIT {
  private static final Set<JobStatusEnum> ENDED = Set.of(JobStatusEnum.SUCCEEDED, JobStatusEnum.FAILED,
      JobStatusEnum.CANCELLED);
  private static final String DESTINATION_PASSWORD = "e2e-destination-password";

  private static TestingGaleServer gale;
  private static RawPublicApi raw;
  private static String token;
  private static Airbyte sdk;

  @BeforeAll
  static void start() throws Exception {
    gale = TestingGaleServer.start();
    raw = new RawPublicApi(gale.uri());
    token = raw.token();
    sdk = Airbyte.builder().setServerURL(gale.uri() + "/api/public/v1").setSecurity(new Security(token)).build();
  }

  @AfterAll
  static void stop() {
    gale.close();
  }

  @Test
  void sampleDataIntoPostgresFromCreationToDeletion() throws Exception {
    // Workspace
    CreateWorkspaceResponse createdWorkspace = sdk.workspaces.createWorkspace(new WorkspaceCreateRequest("sdk scenario"));
    String workspaceId = ok(createdWorkspace.statusCode, createdWorkspace.rawResponse, createdWorkspace.workspaceResponse)
        .workspaceId;
    GetWorkspaceResponse readWorkspace = sdk.workspaces.getWorkspace(new GetWorkspaceRequest(workspaceId));
    WorkspaceResponse workspace = ok(readWorkspace.statusCode, readWorkspace.rawResponse, readWorkspace.workspaceResponse);
    assertThat(workspace.name).isEqualTo("sdk scenario");
    ListWorkspacesResponse workspaces = sdk.workspaces.listWorkspaces(
        new ListWorkspacesRequest().withWorkspaceIds(new String[] {workspaceId}));
    assertThat(ok(workspaces.statusCode, workspaces.rawResponse, workspaces.workspacesResponse).data)
        .extracting(w -> w.workspaceId).containsExactly(workspaceId);

    // Source and destination, chosen by the configuration's sourceType and destinationType as the 2023 document does
    int users = 1_000;
    String sourceId = sampleDataSource(workspaceId, users);
    GetSourceResponse readSource = sdk.sources.getSource(new GetSourceRequest(sourceId));
    SourceResponse source = ok(readSource.statusCode, readSource.rawResponse, readSource.sourceResponse);
    assertThat(source.sourceType).isEqualTo("faker");
    assertThat(source.workspaceId).isEqualTo(workspaceId);

    Database.Settings database = TestingPostgres.shared().newDatabase();
    String destinationId = postgresDestination(workspaceId, database);
    GetDestinationResponse readDestination = sdk.destinations.getDestination(new GetDestinationRequest(destinationId));
    DestinationResponse destination = ok(readDestination.statusCode, readDestination.rawResponse,
        readDestination.destinationResponse);
    assertThat(destination.destinationType).isEqualTo("postgres");
    assertThat(body(readDestination.rawResponse)).doesNotContain(DESTINATION_PASSWORD);

    ListSourcesResponse sources = sdk.sources.listSources(new ListSourcesRequest().withWorkspaceIds(new String[] {workspaceId}));
    assertThat(ok(sources.statusCode, sources.rawResponse, sources.sourcesResponse).data)
        .extracting(s -> s.sourceId).containsExactly(sourceId);
    ListDestinationsResponse destinations = sdk.destinations.listDestinations(
        new ListDestinationsRequest().withWorkspaceIds(new String[] {workspaceId}));
    assertThat(ok(destinations.statusCode, destinations.rawResponse, destinations.destinationsResponse).data)
        .extracting(d -> d.destinationId).containsExactly(destinationId);

    // The streams, in the {"streams": [...]} shape this SDK reads, with only the sync modes it knows
    GetStreamPropertiesResponse streamsAnswer = sdk.streams.getStreamProperties(
        new GetStreamPropertiesRequest(destinationId, sourceId));
    StreamProperties[] streams = ok(streamsAnswer.statusCode, streamsAnswer.rawResponse,
        streamsAnswer.streamPropertiesResponse).streams;
    assertThat(streams).extracting(s -> s.streamName).contains("users", "products", "purchases");
    StreamProperties usersStream = Arrays.stream(streams).filter(s -> s.streamName.equals("users")).findFirst().orElseThrow();
    assertThat(usersStream.syncModes).contains(ConnectionSyncModeEnum.FULL_REFRESH_OVERWRITE,
        ConnectionSyncModeEnum.INCREMENTAL_DEDUPED_HISTORY);
    assertThat(usersStream.sourceDefinedCursorField).isTrue();
    assertThat(usersStream.sourceDefinedPrimaryKey).isDeepEqualTo(new String[][] {{"id"}});

    // A connection of two streams
    String connectionId = connection(sourceId, destinationId, "sdk scenario",
        new StreamConfiguration("users").withSyncMode(ConnectionSyncModeEnum.INCREMENTAL_DEDUPED_HISTORY),
        new StreamConfiguration("products").withSyncMode(ConnectionSyncModeEnum.FULL_REFRESH_OVERWRITE));
    GetConnectionResponse readConnection = sdk.connections.getConnection(new GetConnectionRequest(connectionId));
    ConnectionResponse connection = ok(readConnection.statusCode, readConnection.rawResponse,
        readConnection.connectionResponse);
    assertThat(connection.workspaceId).isEqualTo(workspaceId);
    assertThat(connection.status).isEqualTo(ConnectionStatusEnum.ACTIVE);
    assertThat(connection.schedule.scheduleType).isEqualTo(ScheduleTypeWithBasicEnum.MANUAL);
    assertThat(connection.configurations.streams).extracting(s -> s.name + " " + s.syncMode.value)
        .containsExactlyInAnyOrder("users incremental_deduped_history", "products full_refresh_overwrite");
    ListConnectionsResponse connections = sdk.connections.listConnections(
        new ListConnectionsRequest().withWorkspaceIds(new String[] {workspaceId}));
    assertThat(ok(connections.statusCode, connections.rawResponse, connections.connectionsResponse).data)
        .extracting(c -> c.connectionId).containsExactly(connectionId);

    // A sync, polled to its end; its rows are the rows in PostgreSQL
    JobResponse started = createJob(connectionId, JobTypeEnum.SYNC);
    assertThat(started.jobType).isEqualTo(JobTypeEnum.SYNC);
    assertThat(started.status).isIn(JobStatusEnum.PENDING, JobStatusEnum.RUNNING);
    JobResponse finished = awaitEnd(started.jobId);
    assertThat(finished.status).isEqualTo(JobStatusEnum.SUCCEEDED);
    long usersRows = count(database, "SELECT count(*) FROM public.users");
    long productsRows = count(database, "SELECT count(*) FROM public.products");
    assertThat(usersRows).isEqualTo(users);
    assertThat(productsRows).isPositive();
    assertThat(finished.rowsSynced).isEqualTo(usersRows + productsRows);
    assertThat(finished.bytesSynced).isPositive();
    // An ended job's duration is the time from its start to its last update, both shown to the second.
    assertThat(Duration.parse(finished.duration))
        .isEqualTo(Duration.between(Instant.parse(finished.startTime), Instant.parse(finished.lastUpdatedAt)));

    ListJobsResponse jobs = sdk.jobs.listJobs(new ListJobsRequest(connectionId).withJobType(JobTypeEnum.SYNC));
    assertThat(ok(jobs.statusCode, jobs.rawResponse, jobs.jobsResponse).data).singleElement().satisfies(job -> {
      assertThat(job.jobId).isEqualTo(started.jobId);
      assertThat(job.status).isEqualTo(JobStatusEnum.SUCCEEDED);
      assertThat(job.rowsSynced).isEqualTo(finished.rowsSynced);
    });

    // Deletion: 204 each, after which reads answer 404, which this SDK reports as a status without a body
    DeleteConnectionResponse deletedConnection = sdk.connections.deleteConnection(new DeleteConnectionRequest(connectionId));
    expect(204, deletedConnection.statusCode, deletedConnection.rawResponse);
    DeleteSourceResponse deletedSource = sdk.sources.deleteSource(new DeleteSourceRequest(sourceId));
    expect(204, deletedSource.statusCode, deletedSource.rawResponse);
    DeleteDestinationResponse deletedDestination = sdk.destinations.deleteDestination(
        new DeleteDestinationRequest(destinationId));
    expect(204, deletedDestination.statusCode, deletedDestination.rawResponse);
    DeleteWorkspaceResponse deletedWorkspace = sdk.workspaces.deleteWorkspace(new DeleteWorkspaceRequest(workspaceId));
    expect(204, deletedWorkspace.statusCode, deletedWorkspace.rawResponse);

    GetConnectionResponse goneConnection = sdk.connections.getConnection(new GetConnectionRequest(connectionId));
    expect(404, goneConnection.statusCode, goneConnection.rawResponse);
    assertThat(goneConnection.connectionResponse).isNull();
    GetSourceResponse goneSource = sdk.sources.getSource(new GetSourceRequest(sourceId));
    expect(404, goneSource.statusCode, goneSource.rawResponse);
    assertThat(goneSource.sourceResponse).isNull();
    GetDestinationResponse goneDestination = sdk.destinations.getDestination(new GetDestinationRequest(destinationId));
    expect(404, goneDestination.statusCode, goneDestination.rawResponse);
    assertThat(goneDestination.destinationResponse).isNull();
    GetWorkspaceResponse goneWorkspace = sdk.workspaces.getWorkspace(new GetWorkspaceRequest(workspaceId));
    expect(404, goneWorkspace.statusCode, goneWorkspace.rawResponse);
    assertThat(goneWorkspace.workspaceResponse).isNull();
  }

  @Test
  void aLongSyncIsCancelledThroughTheSdk() throws Exception {
    String workspaceId = workspace("sdk cancel");
    int users = 20_000_000;
    Database.Settings database = TestingPostgres.shared().newDatabase();
    String connectionId = connection(sampleDataSource(workspaceId, users), postgresDestination(workspaceId, database),
        "sdk cancel", new StreamConfiguration("users").withSyncMode(ConnectionSyncModeEnum.FULL_REFRESH_APPEND));

    long jobId = createJob(connectionId, JobTypeEnum.SYNC).jobId;
    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
        .until(() -> job(jobId).status, status -> status == JobStatusEnum.RUNNING);

    CancelJobResponse cancel = sdk.jobs.cancelJob(new CancelJobRequest(jobId));
    assertThat(ok(cancel.statusCode, cancel.rawResponse, cancel.jobResponse).jobId).isEqualTo(jobId);
    JobResponse ended = awaitEnd(jobId);
    assertThat(ended.status).isEqualTo(JobStatusEnum.CANCELLED);
    assertThat(count(database, "SELECT count(*) FROM public.users")).isLessThan(users);

    ListJobsResponse jobs = sdk.jobs.listJobs(new ListJobsRequest(connectionId));
    assertThat(ok(jobs.statusCode, jobs.rawResponse, jobs.jobsResponse).data)
        .anySatisfy(job -> assertThat(job.jobId + " " + job.status.value).isEqualTo(jobId + " cancelled"));
  }

  @Test
  void newerJobTypesAndSchemaPoliciesReachThisSdkAsValuesItKnows() throws Exception {
    String workspaceId = workspace("sdk reset");
    Database.Settings database = TestingPostgres.shared().newDatabase();
    String connectionId = connection(sampleDataSource(workspaceId, 200), postgresDestination(workspaceId, database),
        "sdk reset", new StreamConfiguration("users").withSyncMode(ConnectionSyncModeEnum.FULL_REFRESH_OVERWRITE));
    assertThat(awaitEnd(createJob(connectionId, JobTypeEnum.SYNC).jobId).status).isEqualTo(JobStatusEnum.SUCCEEDED);
    assertThat(count(database, "SELECT count(*) FROM public.users")).isEqualTo(200);

    JobResponse reset = createJob(connectionId, JobTypeEnum.RESET);
    assertThat(reset.jobType).isEqualTo(JobTypeEnum.RESET);
    assertThat(awaitEnd(reset.jobId).status).isEqualTo(JobStatusEnum.SUCCEEDED);
    assertThat(count(database, "SELECT count(*) FROM public.users")).isZero();

    // A newer client asks for a clear, a job type this SDK's enum lacks; it reads that job as a reset.
    JsonNode clear = RawPublicApi.json(raw.send("POST", "/jobs", Json.write(Json.object()
        .put("connectionId", connectionId).put("jobType", "clear")), token, RawPublicApi.PYTHON_SDK), 200);
    assertThat(clear.path("jobType").asText()).isEqualTo("clear");
    long clearId = clear.path("jobId").asLong();
    JobResponse clearAsReset = awaitEnd(clearId);
    assertThat(clearAsReset.jobType).isEqualTo(JobTypeEnum.RESET);
    assertThat(clearAsReset.status).isEqualTo(JobStatusEnum.SUCCEEDED);

    ListJobsResponse jobs = sdk.jobs.listJobs(new ListJobsRequest(connectionId).withLimit(100));
    assertThat(ok(jobs.statusCode, jobs.rawResponse, jobs.jobsResponse).data)
        .extracting(job -> job.jobType).containsExactlyInAnyOrder(JobTypeEnum.SYNC, JobTypeEnum.RESET, JobTypeEnum.RESET);
    assertThat(RawPublicApi.json(raw.send("GET", "/jobs/" + clearId, null, token, RawPublicApi.PYTHON_SDK), 200)
        .path("jobType").asText()).isEqualTo("clear");

    // A newer client sets a schema policy this SDK's enum lacks; it reads the policy that behaves alike.
    JsonNode patched = RawPublicApi.json(raw.send("PATCH", "/connections/" + connectionId, Json.write(Json.object()
        .put("nonBreakingSchemaUpdatesBehavior", "propagate_fully")), token, RawPublicApi.PYTHON_SDK), 200);
    assertThat(patched.path("nonBreakingSchemaUpdatesBehavior").asText()).isEqualTo("propagate_fully");
    GetConnectionResponse read = sdk.connections.getConnection(new GetConnectionRequest(connectionId));
    assertThat(ok(read.statusCode, read.rawResponse, read.connectionResponse).nonBreakingSchemaUpdatesBehavior)
        .isEqualTo(NonBreakingSchemaUpdatesBehaviorEnum.IGNORE);
  }

  @Test
  void streamsAnswerEachSdkInTheShapeItReads() throws Exception {
    String workspaceId = workspace("sdk streams");
    String sourceId = sampleDataSource(workspaceId, 10);
    String destinationId = postgresDestination(workspaceId, TestingPostgres.shared().newDatabase());

    GetStreamPropertiesResponse forJava = sdk.streams.getStreamProperties(
        new GetStreamPropertiesRequest(destinationId, sourceId));
    StreamProperties[] javaStreams = ok(forJava.statusCode, forJava.rawResponse, forJava.streamPropertiesResponse).streams;

    // Airbyte's Python SDK (and the current document) read a bare array from the same request.
    JsonNode forPython = RawPublicApi.json(raw.send("GET", "/streams?sourceId=" + sourceId + "&destinationId="
        + destinationId, null, token, RawPublicApi.PYTHON_SDK), 200);
    assertThat(forPython.isArray()).as("the Python SDK reads a bare array: %s", forPython).isTrue();
    assertThat(forPython.findValuesAsText("streamName"))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(javaStreams).map(s -> s.streamName).toList());
  }

  @Test
  void withoutAValidTokenTheSdkGets401AndNoBody() throws Exception {
    // One character inside the signature changed: the last one carries unused bits, so changing it may not change
    // the signature at all (a forgery that happened to verify now and then).
    int at = token.length() - 10;
    String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    Airbyte stranger = Airbyte.builder().setServerURL(gale.uri() + "/api/public/v1").setSecurity(new Security(forged))
        .build();
    ListWorkspacesResponse refused = stranger.workspaces.listWorkspaces(new ListWorkspacesRequest());
    expect(401, refused.statusCode, refused.rawResponse);
    assertThat(refused.workspacesResponse).isNull();
  }

  private static String workspace(String name) throws Exception {
    CreateWorkspaceResponse created = sdk.workspaces.createWorkspace(new WorkspaceCreateRequest(name));
    return ok(created.statusCode, created.rawResponse, created.workspaceResponse).workspaceId;
  }

  private static String sampleDataSource(String workspaceId, long users) throws Exception {
    SourceFaker faker = new SourceFaker(users, SourceFakerFaker.FAKER).withSeed(42L).withRecordsPerSlice(1_000L)
        .withParallelism(1L);
    CreateSourceResponse created = sdk.sources.createSource(
        new SourceCreateRequest(faker, "sample data " + UUID.randomUUID(), workspaceId));
    return ok(created.statusCode, created.rawResponse, created.sourceResponse).sourceId;
  }

  private static String postgresDestination(String workspaceId, Database.Settings database) throws Exception {
    String name = database.url().replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
    DestinationPostgres postgres = new DestinationPostgres(name, DestinationPostgresPostgres.POSTGRES, "localhost",
        (long) TestingPostgres.shared().port(), "public", database.user())
        // The embedded server trusts local connections: the password is there to be masked, not checked.
        .withPassword(DESTINATION_PASSWORD)
        .withSslMode(new DestinationPostgresSslModeDisable(DestinationPostgresSslModeDisableMode.DISABLE));
    CreateDestinationResponse created = sdk.destinations.createDestination(
        new DestinationCreateRequest(postgres, "postgres " + UUID.randomUUID(), workspaceId));
    DestinationResponse destination = ok(created.statusCode, created.rawResponse, created.destinationResponse);
    assertThat(body(created.rawResponse)).doesNotContain(DESTINATION_PASSWORD);
    return destination.destinationId;
  }

  private static String connection(String sourceId, String destinationId, String name, StreamConfiguration... streams)
      throws Exception {
    CreateConnectionResponse created = sdk.connections.createConnection(new ConnectionCreateRequest(destinationId, sourceId)
        .withName(name).withSchedule(new ConnectionSchedule(ScheduleTypeEnum.MANUAL))
        .withConfigurations(new StreamConfigurations().withStreams(streams)));
    return ok(created.statusCode, created.rawResponse, created.connectionResponse).connectionId;
  }

  private static JobResponse createJob(String connectionId, JobTypeEnum type) throws Exception {
    CreateJobResponse created = sdk.jobs.createJob(new JobCreateRequest(connectionId, type));
    return ok(created.statusCode, created.rawResponse, created.jobResponse);
  }

  private static JobResponse job(long jobId) throws Exception {
    GetJobResponse read = sdk.jobs.getJob(new GetJobRequest(jobId));
    return ok(read.statusCode, read.rawResponse, read.jobResponse);
  }

  private static JobResponse awaitEnd(long jobId) {
    return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
        .until(() -> job(jobId), job -> ENDED.contains(job.status));
  }

  private static long count(Database.Settings database, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
         Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String body(HttpResponse<byte[]> raw) {
    return new String(raw.body(), StandardCharsets.UTF_8);
  }
}
