package dev.gale.connectors.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.util.List;

/**
 * The streams of the Sample Data source and their record schemas, typed with Airbyte's type system: timestamps are
 * strings with {@code format: date-time} and {@code airbyte_type: timestamp_with_timezone}.
 */
final class SampleDataStreams {
  static final List<String> PRIMARY_KEY = List.of("id");
  static final List<String> CURSOR = List.of("updated_at");

  private SampleDataStreams() {}

  /** A new catalog on every call: JSON nodes are mutable, and no caller may change another caller's schema. */
  static AirbyteCatalog catalog() {
    return new AirbyteCatalog(List.of(
        stream("users", users()), stream("products", products()), stream("purchases", purchases())));
  }

  private static AirbyteStream stream(String name, ObjectNode schema) {
    return AirbyteStream.of(name, schema, List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL))
        .withSourceDefinedCursor(CURSOR)
        .withSourceDefinedPrimaryKey(List.of(PRIMARY_KEY))
        .withResumable(true);
  }

  private static ObjectNode users() {
    ObjectNode users = object();
    ObjectNode properties = users.withObjectProperty("properties");
    properties.set("id", integer("Identifier of the user, unique in the stream."));
    properties.set("created_at", timestamp("When the user was created.", false));
    properties.set("updated_at", timestamp("When the user was last changed.", false));
    properties.set("name", string("Full name."));
    properties.set("title", string("Form of address, such as Dr. or Ms."));
    properties.set("age", integer("Age in years."));
    properties.set("email", string("E-mail address."));
    properties.set("telephone", string("Telephone number."));
    properties.set("gender", string("Gender."));
    properties.set("language", string("Language spoken."));
    properties.set("academic_degree", string("Highest academic degree."));
    properties.set("nationality", string("Nationality."));
    properties.set("occupation", string("Occupation."));
    properties.set("height", string("Height in metres, as text."));
    properties.set("blood_type", string("Blood type."));
    properties.set("weight", integer("Weight in kilograms."));
    properties.set("address", address());
    return users;
  }

  private static ObjectNode address() {
    ObjectNode address = object().put("description", "Postal address.");
    ObjectNode properties = address.withObjectProperty("properties");
    properties.set("street_number", string("House number."));
    properties.set("street_name", string("Street."));
    properties.set("city", string("City of residence."));
    properties.set("state", string("State of residence."));
    properties.set("province", string("Province of residence."));
    properties.set("postal_code", string("Postal code."));
    properties.set("country_code", string("ISO 3166 country code."));
    return address;
  }

  private static ObjectNode products() {
    ObjectNode products = object();
    ObjectNode properties = products.withObjectProperty("properties");
    properties.set("id", integer("Identifier of the product, unique in the stream."));
    properties.set("make", string("Manufacturer."));
    properties.set("model", string("Model name."));
    properties.set("year", integer("Model year."));
    properties.set("price", number("Price in US dollars."));
    properties.set("created_at", timestamp("When the product was created.", false));
    properties.set("updated_at", timestamp("When the product was last changed.", false));
    return products;
  }

  private static ObjectNode purchases() {
    ObjectNode purchases = object();
    ObjectNode properties = purchases.withObjectProperty("properties");
    properties.set("id", integer("Identifier of the purchase, unique in the stream."));
    properties.set("user_id", integer("The user who made the purchase."));
    properties.set("product_id", integer("The product purchased."));
    properties.set("created_at", timestamp("When the purchase record was created.", false));
    properties.set("updated_at", timestamp("When the purchase record was last changed.", false));
    properties.set("added_to_cart_at", timestamp("When the product went into the cart, if it did.", true));
    properties.set("purchased_at", timestamp("When the purchase was paid, if it was.", true));
    properties.set("returned_at", timestamp("When the product was returned, if it was.", true));
    return purchases;
  }

  private static ObjectNode object() {
    return Json.object().put("type", "object");
  }

  private static ObjectNode string(String description) {
    return Json.object().put("description", description).put("type", "string");
  }

  private static ObjectNode integer(String description) {
    return Json.object().put("description", description).put("type", "integer");
  }

  private static ObjectNode number(String description) {
    return Json.object().put("description", description).put("type", "number");
  }

  // Purchases leave the cart, payment and return times empty for steps that did not happen, hence nullable.
  private static ObjectNode timestamp(String description, boolean nullable) {
    ObjectNode node = Json.object().put("description", description);
    if (nullable) {
      node.putArray("type").add("null").add("string");
    } else {
      node.put("type", "string");
    }
    return node.put("format", "date-time").put("airbyte_type", "timestamp_with_timezone");
  }
}
