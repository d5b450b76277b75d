package com.caisschool.safeguarding.modelchange;

import com.caisschool.safeguarding.deployment.ApplicationModels;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The application's own models and forms ({@link ApplicationModels}), read and parsed on a thread
 * of their own while the engine starts, so that the start-up's deployment finds them parsed instead
 * of parsing them on the main thread after the engine. The checks still look at exactly the files
 * being deployed: the files read ahead are handed out only when the deployment's files are the same,
 * byte for byte; otherwise (another deployment, a changed file, a failed read) the files given are
 * parsed as always. Handed out once, and let go once the application is ready (a restart that
 * deploys nothing new never asks for them).
 */
@Component
class ModelFilesReadAhead {

  private static final Logger log = LoggerFactory.getLogger(ModelFilesReadAhead.class);

  private final AtomicReference<CompletableFuture<ModelFiles>> ahead = new AtomicReference<>();

  @Autowired
  ModelFilesReadAhead() {
    this(ApplicationModels::read);
  }

  ModelFilesReadAhead(Supplier<Map<String, byte[]>> files) {
    CompletableFuture<ModelFiles> read = new CompletableFuture<>();
    ahead.set(read);
    Thread thread = new Thread(() -> {
      try {
        read.complete(new ModelFiles(files.get()));
      } catch (RuntimeException | Error e) {
        read.completeExceptionally(e);
      }
    }, "model-files-read-ahead");
    thread.setDaemon(true);
    thread.start();
  }

  /** The files of a deployment, parsed: the ones read ahead if they are these files, else these parsed now. */
  ModelFiles filesOf(Map<String, byte[]> contents) {
    CompletableFuture<ModelFiles> read = ahead.getAndSet(null);
    if (read != null) {
      try {
        ModelFiles files = read.join();
        if (sameFiles(files.contents(), contents)) {
          return files;
        }
      } catch (CompletionException e) {
        log.warn("The application's models could not be read ahead; they are read with the deployment", e);
      }
    }
    return new ModelFiles(contents);
  }

  /** Let go of the files read ahead if no deployment took them. */
  @EventListener(ApplicationReadyEvent.class)
  void letGo() {
    ahead.set(null);
  }

  private static boolean sameFiles(Map<String, byte[]> ahead, Map<String, byte[]> deployed) {
    return ahead.size() == deployed.size() && deployed.entrySet().stream()
        .allMatch(file -> Arrays.equals(ahead.get(file.getKey()), file.getValue()));
  }
}
