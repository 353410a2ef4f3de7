import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The baseline of the declarative benchmark: what any Java program reading the paged API does, and no more. It asks
 * for page after page with the JDK's HTTP client, parses each body with Jackson into maps, and counts the records of
 * {@code data} until a short page; then prints the count.
 *
 * <p>{@code java -cp 'jackson jars' PagedApiClient.java URL PAGE_SIZE}, URL without a query.
 */
public final class PagedApiClient {
  public static void main(String[] args) throws Exception {
    String url = args[0];
    int pageSize = Integer.parseInt(args[1]);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ObjectMapper mapper = new ObjectMapper();
    long records = 0;
    for (int page = 1; ; page++) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + "?page=" + page + "&per_page=" + pageSize))
          .build();
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("page " + page + ": HTTP " + response.statusCode());
      }
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> data = (List<Map<String, Object>>) mapper.readValue(response.body(), Map.class)
          .get("data");
      records += data.size();
      if (data.size() < pageSize) {
        break;
      }
    }
    System.out.println(records);
  }
}
