package dev.gale.connectors.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.LocalRoot;
import dev.gale.connector.config.ConfigException;
import dev.gale.connector.config.ConfigField;
import dev.gale.connector.config.ConfigSchema;
import dev.gale.connector.config.ConfigValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configuration of the File source: Airbyte's source-file properties, so that its configurations carry over.
 * What Gale cannot honour (a format, a storage or a reader option it does not read) is refused by name here, before
 * any I/O, rather than ignored.
 *
 * @param location for {@link Storage#LOCAL} the file inside the local root; otherwise {@code null}
 * @param userAgent whether HTTP requests carry a browser-like User-Agent ({@code provider.user_agent})
 * @param s3 for {@link Storage#S3} the object and the keys to read it with; otherwise {@code null}
 */
record FileSourceConfig(String datasetName, FileFormat format, String url, Storage storage, Path location,
                        boolean userAgent, ReaderOptions readerOptions, S3Location s3) {

  static final ConfigField<String> DATASET_NAME = ConfigField.string("dataset_name").title("Dataset Name")
      .description("The name of the final table to replicate this file into (letters, numbers, dashes and "
          + "underscores only).").required().order(0).build();
  static final ConfigField<String> FORMAT = ConfigField.string("format").title("File Format")
      .description("The format of the file. Gale reads " + String.join(", ", FileFormat.values(true)) + ".")
      .required().defaultValue("csv").allowedValues(FileFormat.values(false)).order(1).build();
  static final ConfigField<String> READER_OPTIONS = ConfigField.string("reader_options").title("Reader Options")
      .description("A JSON string of options for the reader, named as pandas names them. CSV reads sep (or "
          + "delimiter), header, names, skiprows, encoding and quotechar; JSON and JSONL read encoding.")
      .examples(List.of("{}", "{\"sep\": \" \"}", "{\"sep\": \"\\t\", \"header\": 0, "
          + "\"names\": [\"column1\", \"column2\"]}"))
      .order(2).build();
  static final ConfigField<String> URL = ConfigField.string("url").title("URL")
      .description("The URL of the file: an http(s) URL, s3://bucket/key for S3, or a path under /local for the "
          + "local filesystem.")
      .required().examples(List.of("https://example.com/data.csv", "s3://bucket/data.csv", "/local/data.csv"))
      .order(3).build();

  static final ConfigField<String> STORAGE_HTTPS = storage(Storage.HTTPS);
  static final ConfigField<Boolean> USER_AGENT = ConfigField.bool("user_agent").title("User-Agent")
      .description("Add a browser-like User-Agent to requests.").defaultValue(false).build();
  static final ConfigField<String> STORAGE_LOCAL = storage(Storage.LOCAL);
  static final ConfigField<String> AWS_ACCESS_KEY_ID = ConfigField.string("aws_access_key_id")
      .title("AWS Access Key ID").description("In order to access private Buckets stored on AWS S3, this connector "
          + "would need credentials with the proper permissions. If accessing publicly available data, this field is "
          + "not necessary.").build();
  static final ConfigField<String> AWS_SECRET_ACCESS_KEY = ConfigField.string("aws_secret_access_key")
      .title("AWS Secret Access Key").description("In order to access private Buckets stored on AWS S3, this "
          + "connector would need credentials with the proper permissions. If accessing publicly available data, "
          + "this field is not necessary.").secret().build();
  static final ConfigField<ConfigValues> PROVIDER = ConfigField.oneOf("provider", "storage", List.of(
          ConfigSchema.of(Storage.HTTPS.title(), STORAGE_HTTPS, USER_AGENT),
          ConfigSchema.of(Storage.GCS.title(), storage(Storage.GCS), secret("service_account_json")),
          ConfigSchema.of(Storage.S3.title(), storage(Storage.S3), AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY),
          ConfigSchema.of(Storage.AZ_BLOB.title(), storage(Storage.AZ_BLOB), plain("storage_account"),
              secret("sas_token"), secret("shared_key")),
          remoteShell(Storage.SSH), remoteShell(Storage.SCP), remoteShell(Storage.SFTP),
          ConfigSchema.of(Storage.LOCAL.title(), STORAGE_LOCAL)))
      .title("Storage Provider").description("Where the file is. Gale reads from HTTPS (public web), S3 and local.")
      .required().order(4).build();

  static final ConfigSchema SCHEMA = ConfigSchema.of("File Source Spec", DATASET_NAME, FORMAT, READER_OPTIONS, URL,
      PROVIDER);

  /** Reads and checks a configuration without I/O; throws {@link ConfigException} naming each problem. */
  static FileSourceConfig read(JsonNode config) {
    ConfigValues values = SCHEMA.read(config);
    List<String> problems = new ArrayList<>();
    FileFormat format = FileFormat.of(values.get(FORMAT));
    if (!format.supported()) {
      problems.add("format " + format.value() + " is not supported by Gale; it reads "
          + String.join(", ", FileFormat.values(true)));
    }
    ConfigValues provider = values.get(PROVIDER);
    // The chosen option's constant names the storage; the reader has already checked it against the options.
    Storage storage = Storage.of((String) provider.schema().field("storage").orElseThrow().constant());
    if (!storage.supported()) {
      problems.add("provider.storage " + storage.value() + " is not supported by Gale; it reads from "
          + String.join(", ", Storage.supportedValues()));
    }
    String url = values.get(URL);
    Path location = null;
    if (storage == Storage.LOCAL) {
      location = LocalRoot.within(url).orElse(null);
      if (location == null) {
        problems.add("url must name a file inside the local root " + LocalRoot.root() + " (as /local/...)");
      }
    } else if (storage == Storage.HTTPS && !isHttpUrl(url)) {
      problems.add("url must be an http:// or https:// URL for provider.storage HTTPS");
    }
    S3Location s3 = null;
    if (storage == Storage.S3) {
      s3 = S3Location.parse(url, provider.find(AWS_ACCESS_KEY_ID).orElse(null),
          provider.find(AWS_SECRET_ACCESS_KEY).orElse(null), problems);
    }
    ReaderOptions options = null;
    try {
      options = format.supported() ? ReaderOptions.parse(format, values.find(READER_OPTIONS).orElse(null)) : null;
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    boolean userAgent = storage == Storage.HTTPS && provider.get(USER_AGENT);
    return new FileSourceConfig(values.get(DATASET_NAME), format, url, storage, location, userAgent, options, s3);
  }

  /** The file as messages name it: a URL without its user information and query, which may carry credentials. */
  String shownUrl() {
    if (storage == Storage.S3) {
      return s3.shown();
    }
    if (storage != Storage.HTTPS) {
      return url;
    }
    try {
      URI uri = new URI(url);
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
    } catch (URISyntaxException e) {
      return "the configured url";
    }
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static ConfigField<String> storage(Storage storage) {
    return ConfigField.string("storage").title("Storage").constant(storage.value()).build();
  }

  private static ConfigField<String> plain(String name) {
    return ConfigField.string(name).build();
  }

  private static ConfigField<String> secret(String name) {
    return ConfigField.string(name).secret().build();
  }

  private static ConfigSchema remoteShell(Storage storage) {
    return ConfigSchema.of(storage.title(), storage(storage), ConfigField.string("user").required().build(),
        secret("password"), ConfigField.string("host").required().build(),
        ConfigField.string("port").defaultValue("22").build());
  }
}
