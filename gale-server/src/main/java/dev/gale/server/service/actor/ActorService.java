package dev.gale.server.service.actor;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.config.ConfigException;
import dev.gale.protocol.Json;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.Connection;
import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.InvalidInputException.ValidationError;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.secrets.ConfigSecrets;
import dev.gale.server.secrets.SecretEnvelopeException;
import dev.gale.server.secrets.SecretPaths;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.workspace.WorkspaceService;
import dev.gale.server.store.ActorRepository;
import dev.gale.server.store.ActorSearch;
import dev.gale.server.store.ConnectionRepository;
import dev.gale.server.store.DefinitionRepository;
import dev.gale.server.store.StoreLimits;
import dev.gale.server.validation.ConfigValidator;
import dev.gale.server.validation.SshTunnels;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sources and destinations (Airbyte's actors), one service for both: every method takes the {@link ActorType} the
 * caller means, and an id of the other type is a 404 that says so.
 *
 * <p>A configuration is validated against its definition's specification, stored with its secrets encrypted, and
 * shown only masked. A deleted actor is a tombstone: it still resolves by id (as in Airbyte, so jobs and deprecated
 * connections can show it) but is left out of lists and searches and can no longer be changed.
 */
public final class ActorService {
  /**
   * The largest configuration stored, in characters of its JSON: far above any connector's real one, small enough
   * that lists of actors stay small.
   */
  static final int MAX_CONFIGURATION_CHARS = 1024 * 1024;
  /** Airbyte names an unnamed clone after its original with this suffix. */
  static final String CLONE_SUFFIX = " (Copy)";
  /** JSON equality, except that numbers are equal by value (a stored {@code 5} matches a searched {@code 5.0}). */
  private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
      ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

  private final ActorRepository actors;
  private final ConnectionRepository connections;
  private final DefinitionRepository definitionRepository;
  private final DefinitionService definitions;
  private final WorkspaceService workspaces;
  private final ConfigSecrets secrets;
  private final ConfigValidator validator;
  private final Clock clock;

  public ActorService(ActorRepository actors, ConnectionRepository connections, DefinitionRepository definitionRepository,
                      DefinitionService definitions, WorkspaceService workspaces, ConfigSecrets secrets,
                      ConfigValidator validator, Clock clock) {
    this.actors = requireNonNull(actors, "actors is null");
    this.connections = requireNonNull(connections, "connections is null");
    this.definitionRepository = requireNonNull(definitionRepository, "definitionRepository is null");
    this.definitions = requireNonNull(definitions, "definitions is null");
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
    this.secrets = requireNonNull(secrets, "secrets is null");
    this.validator = requireNonNull(validator, "validator is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /**
   * Creates an actor in a live workspace from a live definition of the same type that the workspace may use.
   *
   * @throws NotFoundException for an unknown or deleted workspace or definition, or a definition of the other type
   * @throws InvalidInputException for a blank name or a configuration its specification rejects
   */
  public ActorView create(ActorType type, UUID workspaceId, UUID definitionId, String name, JsonNode configuration) {
    return create(type, workspaceId, definitionId, name, configuration, ConfigSecrets.CONNECTION_CONFIGURATION);
  }

  /**
   * As {@link #create(ActorType, UUID, UUID, String, JsonNode)}, for the Public API: without a definition id, the
   * definition is the one whose connector type the configuration names in {@code sourceType} (or
   * {@code destinationType}), as Airbyte's generated clients send it ({@code "sourceType": "postgres"}).
   *
   * @param definitionId nullable: derived from the configuration
   * @param property where the request carries the configuration, for the paths of input errors
   */
  public ActorView create(ActorType type, UUID workspaceId, UUID definitionId, String name, JsonNode configuration,
                          String property) {
    UUID workspace = workspaces.live(workspaceId).id();
    DefinitionWithVersion definition = definitionId != null ? usableDefinition(type, definitionId, workspace)
        : definitionNamedBy(type, configuration, workspace, property);
    String actorName = requireName(name, "name");
    JsonNode stored = storable(definition, configuration, null, property);
    return insert(type, workspace, definition, actorName, stored);
  }

  /**
   * Replaces the name and configuration. The configuration is taken whole, except that a secret sent back masked
   * keeps its stored value: a client may read an actor, change one field and send everything back.
   */
  public ActorView update(ActorType type, UUID actorId, String name, JsonNode configuration) {
    return update(type, actorId, name, configuration, ConfigSecrets.CONNECTION_CONFIGURATION);
  }

  /** As {@link #update(ActorType, UUID, String, JsonNode)}, with the configuration at {@code property} of the request. */
  public ActorView update(ActorType type, UUID actorId, String name, JsonNode configuration, String property) {
    Actor actor = live(type, actorId);
    return replace(actor, definitionOf(actor), requireName(name, "name"), configuration, property);
  }

  /**
   * Changes what the request carries: a name, and properties merged over the stored configuration as a JSON merge
   * patch (RFC 7396) does: objects merge property by property, any other value replaces, and {@code null} removes.
   * Secrets left out keep their values, as do secrets sent back masked. The result is validated whole.
   *
   * @param workspaceId nullable; an actor stays in its workspace, so only its own is accepted
   * @param name nullable: unchanged
   * @param configurationPatch nullable: unchanged
   */
  public ActorView patch(ActorType type, UUID actorId, UUID workspaceId, String name, JsonNode configurationPatch,
                         String property) {
    Actor actor = live(type, actorId);
    if (workspaceId != null && !workspaceId.equals(actor.workspaceId())) {
      throw new InvalidInputException("workspaceId", workspaceId, "A %s stays in its workspace, %s"
          .formatted(label(type), actor.workspaceId()));
    }
    DefinitionWithVersion definition = definitionOf(actor);
    JsonNode configuration = secrets.mask(connectionSpecification(definition), actor.configuration());
    if (configurationPatch != null && !configurationPatch.isNull()) {
      if (!configurationPatch.isObject()) {
        throw new InvalidInputException(property, null, "'" + property + "' must be a JSON object");
      }
      configuration = mergePatch(configuration, configurationPatch);
    }
    return replace(actor, definition, name == null ? actor.name() : requireName(name, "name"), configuration, property);
  }

  private ActorView replace(Actor actor, DefinitionWithVersion definition, String name, JsonNode configuration,
                            String property) {
    JsonNode stored = storable(definition, configuration, actor.configuration(), property);
    Actor updated = new Actor(actor.id(), actor.workspaceId(), actor.actorDefinitionId(), actor.actorType(), name, stored,
        false, actor.createdAt(), clock.instant());
    actors.update(updated);
    return view(updated, definition);
  }

  /**
   * What an update would store, revealed and not saved: for checking a changed configuration before keeping it.
   * Masked secrets take their stored values. Never for a response, a log line or an error message.
   */
  public Candidate candidateForUpdate(ActorType type, UUID actorId, JsonNode configuration) {
    Actor actor = live(type, actorId);
    DefinitionWithVersion definition = definitionOf(actor);
    JsonNode stored = storable(definition, configuration, actor.configuration(), ConfigSecrets.CONNECTION_CONFIGURATION);
    return new Candidate(definition, secrets.reveal(connectionSpecification(definition), stored));
  }

  /** What a create would store, revealed and not saved; see {@link #candidateForUpdate}. */
  public Candidate candidateForCreate(ActorType type, UUID workspaceId, UUID definitionId, JsonNode configuration) {
    DefinitionWithVersion definition = usableDefinition(type, definitionId, workspaces.live(workspaceId).id());
    JsonNode stored = storable(definition, configuration, null, ConfigSecrets.CONNECTION_CONFIGURATION);
    return new Candidate(definition, secrets.reveal(connectionSpecification(definition), stored));
  }

  /** A configuration ready for a connector: its definition and the revealed configuration. */
  public record Candidate(DefinitionWithVersion definition, JsonNode revealedConfiguration) {
    @Override
    public String toString() {
      return "Candidate[definition=" + definition.definition().id() + "]";
    }
  }

  /** An actor by id, deleted or not. */
  public ActorView get(ActorType type, UUID actorId) {
    Actor actor = resolve(type, actorId);
    return view(actor, definitionOf(actor));
  }

  /** A live actor by id; 404 when it never existed or was deleted. */
  public ActorView getLive(ActorType type, UUID actorId) {
    Actor actor = live(type, actorId);
    return view(actor, definitionOf(actor));
  }

  /**
   * A window of the actors of a type, by name then id: in the given workspaces (any when empty), deleted ones too
   * when asked.
   */
  public List<ActorView> list(ActorType type, Collection<UUID> workspaceIds, boolean includeDeleted, int limit, int offset) {
    return views(actors.search(ActorSearch.of(type).inWorkspaces(workspaceIds).includingTombstoned(includeDeleted),
        limit, offset));
  }

  /** The live actors of a type in a live workspace, by name. */
  public List<ActorView> list(ActorType type, UUID workspaceId) {
    return views(actors.listByWorkspace(workspaces.live(workspaceId).id(), type));
  }

  /**
   * The live actors that match every criterion given. Names match exactly; a configuration matches when each
   * property it gives equals the stored one. Secrets are compared masked, so a search can never tell a secret's
   * value: a secret property matches whenever the actor has a value for it.
   */
  public List<ActorView> search(ActorType type, Criteria criteria) {
    ActorSearch query = ActorSearch.of(type);
    query = criteria.workspaceId() == null ? query : query.inWorkspace(criteria.workspaceId());
    query = criteria.definitionId() == null ? query : query.ofDefinition(criteria.definitionId());
    query = isBlank(criteria.name()) ? query : query.nameContaining(criteria.name());
    JsonNode wanted = configurationCriterion(criteria.configuration());
    Function<Actor, DefinitionWithVersion> definition = definitionCache();
    return actors.search(query).stream()
        .filter(actor -> criteria.actorId() == null || actor.id().equals(criteria.actorId()))
        .filter(actor -> isBlank(criteria.name()) || actor.name().equals(criteria.name()))
        .filter(actor -> isBlank(criteria.definitionName())
            || definition.apply(actor).definition().name().equals(criteria.definitionName()))
        .filter(actor -> wanted == null || hasProperties(actor, connectionSpecification(definition.apply(actor)), wanted))
        .map(actor -> view(actor, definition.apply(actor)))
        .toList();
  }

  /**
   * What {@link #search} matches; each null (or blank) criterion matches any actor.
   *
   * @param definitionName the name of the actor's definition
   * @param configuration properties the actor's configuration must have, with the same values
   */
  public record Criteria(UUID actorId, UUID workspaceId, UUID definitionId, String name, String definitionName,
                         JsonNode configuration) {}

  /**
   * Creates a copy of a live actor in its workspace, named "&lt;name&gt; (Copy)" unless a name is given. A
   * configuration given replaces the copied one as in {@link #update} (secrets sent masked keep the original's values)
   * and is validated as on create.
   *
   * @param name nullable: the original's name with the copy suffix
   * @param configuration nullable: the original's configuration
   */
  public ActorView clone(ActorType type, UUID actorId, String name, JsonNode configuration) {
    Actor original = live(type, actorId);
    UUID workspace = workspaces.live(original.workspaceId()).id();
    DefinitionWithVersion definition = usableDefinition(type, original.actorDefinitionId(), workspace);
    String overrides = label(type) + "Configuration";
    String cloneName = name == null ? StoreLimits.fit(original.name(), CLONE_SUFFIX) : requireName(name, overrides + ".name");
    JsonNode sent = configuration != null ? configuration
        : secrets.mask(connectionSpecification(definition), original.configuration());
    JsonNode stored = storable(definition, sent, original.configuration(),
        overrides + "." + ConfigSecrets.CONNECTION_CONFIGURATION);
    return insert(type, workspace, definition, cloneName, stored);
  }

  /**
   * Deletes a live actor. As in Airbyte, the connections using it are deprecated first, so that a failure half-way
   * leaves the actor visible and the delete can simply be repeated.
   */
  public void delete(ActorType type, UUID actorId) {
    // Unsealed: deleting is how a user removes an actor whose stored configuration is refused as tampered.
    Actor actor = actors.findToDelete(requireNonNull(actorId, "actorId is null"))
        .orElseThrow(() -> new NotFoundException(label(type), actorId));
    if (actor.actorType() != type) {
      throw new NotFoundException(label(type), actorId, "it is a " + label(actor.actorType()));
    }
    if (actor.tombstone()) {
      throw new NotFoundException(label(type), actorId, "it was deleted");
    }
    List<Connection> using = type == ActorType.SOURCE
        ? connections.listBySource(actorId, false) : connections.listByDestination(actorId, false);
    using.forEach(connection -> connections.updateStatus(connection.id(), ConnectionStatus.DEPRECATED));
    actors.tombstone(actorId);
  }

  /** A live actor of the given type, for services that use one (connections, jobs); 404 otherwise. */
  public Actor live(ActorType type, UUID actorId) {
    Actor actor = resolve(type, actorId);
    if (actor.tombstone()) {
      throw new NotFoundException(label(type), actorId, "it was deleted");
    }
    return actor;
  }

  /** The definition an actor was created from, with its default version (whose connector runs the actor). */
  public DefinitionWithVersion definitionOf(Actor actor) {
    return definitions.resolve(actor.actorType(), actor.actorDefinitionId());
  }

  /**
   * The configuration with its secrets decrypted, to hand to the connector that runs the actor. Never for a
   * response, a log line or an error message.
   *
   * @throws InvalidInputException when it asks for what Gale cannot do (an SSH tunnel)
   */
  public JsonNode revealedConfiguration(Actor actor) {
    JsonNode revealed = secrets.reveal(connectionSpecification(definitionOf(actor)), actor.configuration());
    // Saved before tunnels were refused at the edge: refused here too rather than run connecting directly.
    SshTunnels.requireNoTunnel(revealed, ConfigSecrets.CONNECTION_CONFIGURATION);
    return revealed;
  }

  /**
   * Every secret value stored in any actor's configuration, deleted ones too, decrypted: only to mask them out of
   * text that leaves the server (its own log). A value that cannot be decrypted is left out: it cannot have leaked.
   */
  public List<String> storedSecretValues() {
    List<String> values = new ArrayList<>();
    Function<Actor, DefinitionWithVersion> definition = definitionCache();
    for (ActorType type : ActorType.values()) {
      for (Actor actor : actors.search(ActorSearch.of(type).includingTombstoned(true))) {
        JsonNode specification = connectionSpecification(definition.apply(actor));
        try {
          values.addAll(SecretPaths.of(specification).secretValues(secrets.reveal(specification, actor.configuration())));
        } catch (SecretEnvelopeException undecryptable) {
          // Encrypted with another key: nothing of it can have reached a log in the clear through this server.
        }
      }
    }
    return values;
  }

  /** An actor of this type by id, deleted or not; 404 when there is none. */
  public Actor resolve(ActorType type, UUID actorId) {
    Actor actor = actors.find(requireNonNull(actorId, "actorId is null"))
        .orElseThrow(() -> new NotFoundException(label(type), actorId));
    if (actor.actorType() != type) {
      throw new NotFoundException(label(type), actorId, "it is a " + label(actor.actorType()));
    }
    return actor;
  }

  /** The definition whose connector type the configuration names in {@code sourceType} or {@code destinationType}. */
  private DefinitionWithVersion definitionNamedBy(ActorType type, JsonNode configuration, UUID workspaceId, String property) {
    String key = type == ActorType.SOURCE ? "sourceType" : "destinationType";
    JsonNode connectorType = configuration == null ? null : configuration.get(key);
    if (connectorType == null || !connectorType.isTextual() || connectorType.asText().isBlank()) {
      throw new InvalidInputException("definitionId", null, "Either 'definitionId' or '%s.%s' (such as \"%s\") is required"
          .formatted(property, key, type == ActorType.SOURCE ? "faker" : "dev-null"));
    }
    return definitions.forConnectorType(type, connectorType.asText(), workspaceId, property + "." + key);
  }

  /** {@code patch} applied to {@code target} as RFC 7396 says; neither is changed. */
  private static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode merged = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
    for (Map.Entry<String, JsonNode> property : patch.properties()) {
      if (property.getValue().isNull()) {
        merged.remove(property.getKey());
      } else {
        merged.set(property.getKey(), mergePatch(merged.get(property.getKey()), property.getValue()));
      }
    }
    return merged;
  }

  private DefinitionWithVersion usableDefinition(ActorType type, UUID definitionId, UUID workspaceId) {
    definitionRepository.find(requireNonNull(definitionId, "definitionId is null"))
        .filter(definition -> definition.actorType() != type)
        .ifPresent(definition -> {
          throw new NotFoundException(label(type) + " definition", definitionId, "it is a %s definition (%s)"
              .formatted(label(definition.actorType()), definition.name()));
        });
    DefinitionWithVersion definition = definitions.liveForWorkspace(type, definitionId, workspaceId);
    definitions.runnableImplementation(definition, label(type) + "DefinitionId");
    return definition;
  }

  /**
   * The stored form of a configuration a client sent: masked secrets take their values from {@code previousStored},
   * the others are encrypted, and the result, revealed, must satisfy the specification. A tunnel is refused first.
   *
   * @param property where the configuration is in the request, for the paths of input errors
   */
  private JsonNode storable(DefinitionWithVersion definition, JsonNode sent, JsonNode previousStored, String property) {
    if (sent == null || !sent.isObject()) {
      throw new InvalidInputException(property, null, "'" + property + "' must be a JSON object");
    }
    if (Json.write(sent).length() > MAX_CONFIGURATION_CHARS) {
      throw new InvalidInputException(property, null, "'%s' is larger than the %d KiB a configuration may take"
          .formatted(property, MAX_CONFIGURATION_CHARS / 1024));
    }
    SshTunnels.requireNoTunnel(sent, property);
    JsonNode specification = connectionSpecification(definition);
    JsonNode canonical = definitions.runnableImplementation(definition, property).canonical(sent);
    JsonNode stored = secrets.protectForStorage(specification, canonical, previousStored);
    JsonNode revealed = secrets.reveal(specification, stored);
    validator.requireValid(specification, revealed, property);
    requireAcceptedByConnector(definition, revealed, property);
    return stored;
  }

  /** What the connector refuses on its face ({@link dev.gale.connector.Connector#validate}), as a 422. */
  private void requireAcceptedByConnector(DefinitionWithVersion definition, JsonNode revealed, String property) {
    try {
      definitions.runnableImplementation(definition, property).validate(revealed);
    } catch (ConfigException e) {
      // Each problem starts with the dotted path of its property, and names no secret value (the SPI's contract).
      List<ValidationError> errors = e.problems().stream()
          .map(problem -> new ValidationError(property + "." + problem.split(" ", 2)[0], null, problem))
          .toList();
      throw new InvalidInputException("The connector refuses the configuration: " + String.join("; ", e.problems()),
          errors);
    }
  }

  private ActorView insert(ActorType type, UUID workspaceId, DefinitionWithVersion definition, String name, JsonNode stored) {
    Instant now = clock.instant();
    Actor actor = new Actor(UUID.randomUUID(), workspaceId, definition.definition().id(), type, name, stored, false, now, now);
    actors.insert(actor);
    return view(actor, definition);
  }

  private List<ActorView> views(List<Actor> list) {
    Function<Actor, DefinitionWithVersion> definition = definitionCache();
    return list.stream().map(actor -> view(actor, definition.apply(actor))).toList();
  }

  /** Looks each definition up once: the actors of a list mostly share a few definitions. */
  private Function<Actor, DefinitionWithVersion> definitionCache() {
    Map<UUID, DefinitionWithVersion> byId = new HashMap<>();
    return actor -> byId.computeIfAbsent(actor.actorDefinitionId(), id -> definitionOf(actor));
  }

  /**
   * Whether the actor's configuration has each property of {@code wanted} with an equal value (numbers by value).
   * Both sides are compared masked, so secret values never take part.
   */
  private boolean hasProperties(Actor actor, JsonNode specification, JsonNode wanted) {
    JsonNode have = secrets.mask(specification, actor.configuration());
    JsonNode want = secrets.mask(specification, wanted);
    for (Map.Entry<String, JsonNode> property : want.properties()) {
      JsonNode value = have.get(property.getKey());
      if (value == null || !value.equals(SAME_VALUE, property.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** A configuration to search by: null when none is given; it must be an object. */
  private static JsonNode configurationCriterion(JsonNode configuration) {
    if (configuration == null || configuration.isNull()) {
      return null;
    }
    if (!configuration.isObject()) {
      throw new InvalidInputException(ConfigSecrets.CONNECTION_CONFIGURATION, null,
          "'connectionConfiguration' must be a JSON object of the properties to match");
    }
    return configuration;
  }

  private ActorView view(Actor actor, DefinitionWithVersion definition) {
    return ActorView.of(actor, definition, secrets.mask(connectionSpecification(definition), actor.configuration()));
  }

  private JsonNode connectionSpecification(DefinitionWithVersion definition) {
    return definitions.spec(definition).connectionSpecification();
  }

  private static String label(ActorType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  private static String requireName(String name, String property) {
    if (isBlank(name)) {
      throw new InvalidInputException(property, name, "'" + property + "' must not be blank");
    }
    return name;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
