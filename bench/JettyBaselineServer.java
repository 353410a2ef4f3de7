import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor for Gale's HTTP layer: Jetty 12 set up as Gale sets it up (its core API, a virtual thread per request),
 * answering every path with a fixed small JSON after reading the body, and nothing else: no routing, no auth, no
 * store.
 */
public final class JettyBaselineServer {
  public static void main(String[] args) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setPort(Integer.parseInt(args[0]));
    server.addConnector(connector);
    byte[] answer = "{\"available\":true}".getBytes(StandardCharsets.UTF_8);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try (InputStream body = Request.asInputStream(request)) {
          body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(answer), callback);
        return true;
      }
    });
    server.start();
  }
}
