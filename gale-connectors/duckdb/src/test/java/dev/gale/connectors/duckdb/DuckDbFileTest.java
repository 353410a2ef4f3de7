package dev.gale.connectors.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbFileTest {
  @TempDir
  Path dir;

  @Test
  void connectionsOpenedWhileOthersOfTheSameFileCloseAllSucceed() throws Exception {
    // Without waiting out the closing instance, about 4% of these opens failed with a file handle conflict.
    Path file = dir.resolve("shared.duckdb");
    List<Future<Integer>> threads = new ArrayList<>();
    try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
      for (int thread = 0; thread < 4; thread++) {
        threads.add(executor.submit(() -> {
          int opened = 0;
          for (int i = 0; i < 150; i++) {
            try (Connection connection = DuckDbFile.open(file); Statement statement = connection.createStatement()) {
              statement.execute("SELECT 1");
              opened++;
            }
          }
          return opened;
        }));
      }
      for (Future<Integer> thread : threads) {
        assertThat(thread.get()).isEqualTo(150);
      }
    }
  }
}
