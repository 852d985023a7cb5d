import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Closed-loop HTTP load generator for Switchboard's ingest benchmark (JDK only, single-file source:
 * {@code java bench/loadgen/LoadGen.java --url ...}).
 *
 * <p>Before the clock starts it builds {@code --max-requests} unique WhatsApp webhook bodies from a
 * template (a fresh wamid each, senders cycling over {@code --senders} numbers) and, with {@code
 * --secret}, their {@code X-Hub-Signature-256} headers, so neither body building nor signing is
 * measured. Then {@code --concurrency} workers each send one request at a time (closed loop): first
 * a warm-up that is discarded and lasts until throughput stops rising (between {@code
 * --warmup-min-seconds} and {@code --warmup-seconds}), then {@code --duration-seconds} measured. It
 * prints a summary and writes the result as JSON ({@code --out}), with the CPU the machine, the
 * server ({@code --server-pid}), itself and everything else used while measuring.
 *
 * <p>Bounded on purpose: loopback targets only, at most {@value #MAX_CONCURRENCY} workers, {@value
 * #MAX_SECONDS} s per phase and {@value #MAX_REQUESTS} requests; the run stops when the bodies run
 * out (and says so: {@code "capped": true}).
 */
public final class LoadGen {
  static final int MAX_CONCURRENCY = 256;
  static final int MAX_SECONDS = 600;
  static final int MAX_REQUESTS = 1_000_000;

  record Options(
      URI url,
      Path template,
      String secret,
      int concurrency,
      int warmupSeconds,
      int warmupMinSeconds,
      int durationSeconds,
      int maxRequests,
      int senders,
      String expect,
      Path out,
      int timeoutMs,
      long serverPid,
      Path measureStartFile) {}

  /**
   * When the measured phase runs; set once by the warm-up monitor. Workers read it before each
   * request: a request counts as measured when it starts inside [measureStart, end).
   */
  static final class Phase {
    volatile long measureStart = Long.MAX_VALUE;
    volatile long end = Long.MAX_VALUE;

    void startMeasuring(long now, int durationSeconds) {
      end = now + durationSeconds * 1_000_000_000L;
      measureStart = now;
    }
  }

  /** One pre-built request: body and its signature header (or null). */
  record Prepared(byte[] body, String signature) {}

  /** What one worker saw in the measured phase (and the count of its warm-up requests). */
  static final class WorkerStats {
    long[] latenciesNanos = new long[4096];
    int measured;
    int warmup;
    int ok;
    int ioErrors;
    int unexpectedBody;
    final Map<Integer, Integer> non2xx = new TreeMap<>();
    String firstProblem;

    void latency(long nanos) {
      if (measured == latenciesNanos.length) {
        latenciesNanos = Arrays.copyOf(latenciesNanos, measured * 2);
      }
      latenciesNanos[measured++] = nanos;
    }

    void problem(String text) {
      if (firstProblem == null) {
        firstProblem = text;
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("LoadGen: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    System.exit(run(options));
  }

  static int run(Options o) throws Exception {
    long prepStart = System.nanoTime();
    Prepared[] prepared = prepare(o);
    System.err.printf(
        Locale.ROOT,
        "LoadGen: %d unique bodies (%d bytes each, signed: %s) prepared in %d ms%n",
        prepared.length,
        prepared[0].body().length,
        o.secret() != null,
        (System.nanoTime() - prepStart) / 1_000_000);

    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    AtomicInteger next = new AtomicInteger();
    AtomicLong completed = new AtomicLong();
    Phase phase = new Phase();
    WorkerStats[] stats = new WorkerStats[o.concurrency()];
    CountDownLatch done = new CountDownLatch(o.concurrency());
    for (int w = 0; w < o.concurrency(); w++) {
      WorkerStats mine = stats[w] = new WorkerStats();
      Thread thread =
          new Thread(
              () -> {
                try {
                  work(o, client, prepared, next, completed, phase, mine);
                } finally {
                  done.countDown();
                }
              },
              "loadgen-" + w);
      thread.setDaemon(true);
      thread.start();
    }
    Warmup warmup = warmUp(o, completed, done);
    long measureStart = System.nanoTime();
    CpuSample cpuBefore = CpuSample.take(o.serverPid());
    phase.startMeasuring(measureStart, o.durationSeconds());
    if (o.measureStartFile() != null) {
      Files.writeString(o.measureStartFile(), Long.toString(System.currentTimeMillis()));
    }
    // Bounded wait: every request has its own timeout, so this only guards against a hang.
    boolean finished =
        done.await(o.durationSeconds() + o.timeoutMs() / 1000 + 30, TimeUnit.SECONDS);
    long measuredEnd = System.nanoTime();
    CpuSample cpuAfter = CpuSample.take(o.serverPid());
    boolean capped = next.get() >= prepared.length;
    String json =
        summarise(
            o,
            stats,
            warmup,
            measureStart,
            measuredEnd,
            capped,
            !finished,
            prepared[0].body().length,
            CpuSample.cores(cpuBefore, cpuAfter, (measuredEnd - measureStart) / 1e9));
    if (o.out() != null) {
      Files.writeString(o.out(), json + "\n");
    }
    System.out.println(json);
    return finished ? 0 : 1;
  }

  private static void work(
      Options o,
      HttpClient client,
      Prepared[] prepared,
      AtomicInteger next,
      AtomicLong completed,
      Phase phase,
      WorkerStats stats) {
    Duration timeout = Duration.ofMillis(o.timeoutMs());
    while (true) {
      long begin = System.nanoTime();
      if (begin >= phase.end) {
        return;
      }
      int index = next.getAndIncrement();
      if (index >= prepared.length) {
        return; // out of unique bodies: never resend one (a duplicate takes another path)
      }
      Prepared p = prepared[index];
      HttpRequest.Builder request =
          HttpRequest.newBuilder(o.url())
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(p.body()));
      if (p.signature() != null) {
        request.header("X-Hub-Signature-256", p.signature());
      }
      boolean measured = begin >= phase.measureStart;
      try {
        HttpResponse<String> response =
            client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - begin;
        completed.incrementAndGet();
        if (!measured) {
          stats.warmup++;
          continue;
        }
        stats.latency(elapsed);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
          stats.non2xx.merge(status, 1, Integer::sum);
          stats.problem("HTTP " + status + ": " + abbreviate(response.body()));
        } else if (o.expect() != null && !response.body().contains(o.expect())) {
          stats.unexpectedBody++;
          stats.problem("2xx without '" + o.expect() + "': " + abbreviate(response.body()));
        } else {
          stats.ok++;
        }
      } catch (IOException e) {
        if (measured) {
          stats.latency(System.nanoTime() - begin);
          stats.ioErrors++;
          stats.problem(e.getClass().getSimpleName() + ": " + e.getMessage());
        } else {
          stats.warmup++;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** How the warm-up went: its length, whether throughput had levelled off, its 5 s windows. */
  record Warmup(double seconds, boolean stable, List<Double> windowsRps) {}

  static final int WINDOW_SECONDS = 5;

  /**
   * Runs the warm-up: at least {@code --warmup-min-seconds}, then until throughput stops rising
   * (the last two 5 s windows are no more than 5 % above the two before), at most {@code
   * --warmup-seconds}. On two shared cores the JIT compilers need minutes to catch up with Payara's
   * code, so a fixed short warm-up would measure compilation, not the application.
   */
  static Warmup warmUp(Options o, AtomicLong completed, CountDownLatch done)
      throws InterruptedException {
    long start = System.nanoTime();
    List<Double> windows = new ArrayList<>();
    long last = 0;
    boolean stable = false;
    while (true) {
      long elapsed = System.nanoTime() - start;
      if (elapsed >= o.warmupSeconds() * 1_000_000_000L || done.getCount() == 0) {
        stable = levelledOff(windows);
        break;
      }
      if (elapsed >= o.warmupMinSeconds() * 1_000_000_000L && levelledOff(windows)) {
        stable = true;
        break;
      }
      long nextBoundary = start + (windows.size() + 1L) * WINDOW_SECONDS * 1_000_000_000L;
      long cap = start + o.warmupSeconds() * 1_000_000_000L;
      long sleepNanos = Math.min(nextBoundary, cap) - System.nanoTime();
      if (sleepNanos > 0) {
        TimeUnit.NANOSECONDS.sleep(sleepNanos);
      }
      if (System.nanoTime() >= nextBoundary) {
        long now = completed.get();
        windows.add(round((now - last) / (double) WINDOW_SECONDS, 1));
        last = now;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(
        Locale.ROOT,
        "LoadGen: warm-up %.0f s (%s), req/s per %d s window: %s%n",
        seconds,
        stable ? "throughput flat at the end" : "throughput still changing at the end",
        WINDOW_SECONDS,
        windows);
    return new Warmup(round(seconds, 1), stable, Collections.unmodifiableList(windows));
  }

  static boolean levelledOff(List<Double> windows) {
    int n = windows.size();
    if (n < 4) {
      return false;
    }
    // Flat: the last four windows (20 s) within 5 % of each other. A dip caused by other work on
    // the machine does not end the warm-up; it only ends at the limit then (and says so).
    List<Double> last = windows.subList(n - 4, n);
    double min = Collections.min(last);
    double max = Collections.max(last);
    return min > 0 && min >= 0.95 * max;
  }

  /**
   * CPU time from /proc (Linux; in clock ticks of 1/100 s): the whole machine's busy time, this
   * process's and the server's, to tell how much of the machine others used while measuring.
   */
  record CpuSample(long machineBusy, long self, long server, long serverJit) {
    static CpuSample take(long serverPid) {
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
          busy += Long.parseLong(cpu[i]);
        }
        String pid = Long.toString(serverPid);
        return new CpuSample(
            busy,
            processTicks("self"),
            serverPid > 0 ? processTicks(pid) : -1,
            serverPid > 0 ? jitTicks(pid) : -1);
      } catch (IOException | RuntimeException e) {
        return null; // not Linux, or the server is gone: no CPU figures
      }
    }

    /** CPU of the server's JIT compiler threads (C1, C2): still compiling means not warm yet. */
    private static long jitTicks(String pid) throws IOException {
      long ticks = 0;
      try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
        for (Path task : (Iterable<Path>) tasks::iterator) {
          try {
            if (Files.readString(task.resolve("comm")).startsWith("C")
                && Files.readString(task.resolve("comm")).contains("Compiler")) {
              ticks += ticksOf(Files.readString(task.resolve("stat")));
            }
          } catch (IOException gone) {
            // the thread ended between listing and reading
          }
        }
      }
      return ticks;
    }

    private static long processTicks(String pid) throws IOException {
      return ticksOf(Files.readString(Path.of("/proc", pid, "stat")));
    }

    private static long ticksOf(String stat) {
      // fields after the command name (which may contain spaces): utime is the 12th, stime the 13th
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Average cores busy over the interval: machine, server, load generator, everything else. */
    static Map<String, Object> cores(CpuSample a, CpuSample b, double seconds) {
      if (a == null || b == null || seconds <= 0) {
        return null;
      }
      double ticks = 100.0 * seconds;
      Map<String, Object> cores = new LinkedHashMap<>();
      double machine = (b.machineBusy() - a.machineBusy()) / ticks;
      double self = (b.self() - a.self()) / ticks;
      cores.put("machine", round(machine, 2));
      cores.put("loadgen", round(self, 2));
      if (a.server() >= 0 && b.server() >= 0) {
        double server = (b.server() - a.server()) / ticks;
        cores.put("server", round(server, 2));
        cores.put("server_jit_compilers", round((b.serverJit() - a.serverJit()) / ticks, 2));
        cores.put("others", round(Math.max(0, machine - self - server), 2));
      }
      cores.put("available", Runtime.getRuntime().availableProcessors());
      return cores;
    }
  }

  static Prepared[] prepare(Options o) throws IOException, GeneralSecurityException {
    String template = Files.readString(o.template(), StandardCharsets.UTF_8);
    for (String placeholder : List.of("{{WAMID}}", "{{FROM}}", "{{TIMESTAMP}}")) {
      if (!template.contains(placeholder)) {
        throw new IllegalArgumentException(o.template() + " has no " + placeholder);
      }
    }
    byte[] runBytes = new byte[6];
    new SecureRandom().nextBytes(runBytes);
    // Unique across runs too: the bridge's ledger deduplicates by wamid.
    String run = HexFormat.of().formatHex(runBytes).toUpperCase(Locale.ROOT);
    long epoch = System.currentTimeMillis() / 1000;
    Mac mac = null;
    if (o.secret() != null) {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(o.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }
    Prepared[] prepared = new Prepared[o.maxRequests()];
    String stamped = template.replace("{{TIMESTAMP}}", Long.toString(epoch));
    String[] senders = new String[o.senders()];
    for (int s = 0; s < senders.length; s++) {
      senders[s] = "1650555" + pad(s, 4);
    }
    for (int i = 0; i < prepared.length; i++) {
      // Shaped like Meta's ids (wamid.<~50 base64-ish chars>).
      String wamid = "wamid.HBgLBENCH" + run + "FQIAERgS" + pad(i, 10) + "QTRBNjU5OUFFRTA=";
      byte[] body =
          stamped
              .replace("{{WAMID}}", wamid)
              .replace("{{FROM}}", senders[i % senders.length])
              .getBytes(StandardCharsets.UTF_8);
      String signature =
          mac == null ? null : "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
      prepared[i] = new Prepared(body, signature);
    }
    return prepared;
  }

  private static String pad(int value, int width) {
    String digits = Integer.toString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  static String summarise(
      Options o,
      WorkerStats[] stats,
      Warmup warmupPhase,
      long measureStart,
      long measuredEnd,
      boolean capped,
      boolean hung,
      int bodyBytes,
      Map<String, Object> cpuCores) {
    int total = 0;
    int warmup = 0;
    int ok = 0;
    int ioErrors = 0;
    int unexpected = 0;
    Map<Integer, Integer> non2xx = new TreeMap<>();
    String firstProblem = null;
    for (WorkerStats s : stats) {
      total += s.measured;
      warmup += s.warmup;
      ok += s.ok;
      ioErrors += s.ioErrors;
      unexpected += s.unexpectedBody;
      s.non2xx.forEach((k, v) -> non2xx.merge(k, v, Integer::sum));
      if (firstProblem == null) {
        firstProblem = s.firstProblem;
      }
    }
    long[] all = new long[total];
    int at = 0;
    for (WorkerStats s : stats) {
      System.arraycopy(s.latenciesNanos, 0, all, at, s.measured);
      at += s.measured;
    }
    Arrays.sort(all);
    double seconds = (measuredEnd - measureStart) / 1e9;
    int non2xxTotal = non2xx.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("url", o.url().toString());
    result.put("concurrency", o.concurrency());
    result.put("warmup_seconds", warmupPhase.seconds());
    result.put("warmup_levelled_off", warmupPhase.stable());
    result.put("warmup_windows_rps", warmupPhase.windowsRps());
    result.put("duration_seconds", o.durationSeconds());
    result.put("body_bytes", bodyBytes);
    result.put("warmup_requests", warmup);
    result.put("requests", total);
    result.put("ok", ok);
    result.put("elapsed_seconds", round(seconds, 3));
    result.put("throughput_rps", round(seconds > 0 ? ok / seconds : 0, 1));
    result.put("p50_ms", percentileMs(all, 50));
    result.put("p90_ms", percentileMs(all, 90));
    result.put("p99_ms", percentileMs(all, 99));
    result.put("max_ms", all.length == 0 ? null : round(all[all.length - 1] / 1e6, 2));
    result.put("mean_ms", all.length == 0 ? null : round(Arrays.stream(all).average().orElse(0) / 1e6, 2));
    result.put("errors", non2xxTotal + ioErrors + unexpected);
    result.put("non_2xx", non2xx);
    result.put("io_errors", ioErrors);
    result.put("unexpected_body", unexpected);
    result.put("first_problem", firstProblem);
    result.put("cpu_cores_busy", cpuCores);
    result.put("capped", capped);
    result.put("hung", hung);
    System.err.printf(
        Locale.ROOT,
        "LoadGen: %s  %d ok / %d measured in %.1f s = %.1f req/s, p50 %s ms, p99 %s ms, errors %d%s%n",
        o.url(),
        ok,
        total,
        seconds,
        seconds > 0 ? ok / seconds : 0,
        result.get("p50_ms"),
        result.get("p99_ms"),
        non2xxTotal + ioErrors + unexpected,
        capped ? " (CAPPED: ran out of unique bodies; raise --max-requests)" : "");
    if (firstProblem != null) {
      System.err.println("LoadGen: first problem: " + firstProblem);
    }
    return toJson(result);
  }

  /** Nearest-rank percentile, in milliseconds. */
  static Double percentileMs(long[] sorted, int percentile) {
    if (sorted.length == 0) {
      return null;
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return round(sorted[Math.max(0, rank - 1)] / 1e6, 2);
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }

  static String toJson(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      map.forEach(
          (k, v) -> {
            if (out.length() > 1) {
              out.append(',');
            }
            out.append(toJson(String.valueOf(k))).append(':').append(toJson(v));
          });
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (Object item : list) {
        if (out.length() > 1) {
          out.append(',');
        }
        out.append(toJson(item));
      }
      return out.append(']').toString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toString().toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String abbreviate(String text) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }

  static Options parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      values.put(args[i].substring(2), args[++i]);
    }
    List<String> known =
        List.of(
            "url", "template", "secret", "concurrency", "warmup-seconds", "warmup-min-seconds",
            "duration-seconds", "max-requests", "senders", "expect", "out", "timeout-ms",
            "server-pid", "measure-start-file");
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
    }
    String url = values.get("url");
    if (url == null) {
      throw new IllegalArgumentException("--url is required");
    }
    URI uri = URI.create(url);
    String host = uri.getHost();
    if (!"http".equals(uri.getScheme())
        || host == null
        || !(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"))) {
      throw new IllegalArgumentException(
          "--url must be http://127.0.0.1:<port>/... (this tool loads the local machine only): " + url);
    }
    Path template = Path.of(values.getOrDefault("template", defaultTemplate()));
    if (!Files.isRegularFile(template)) {
      throw new IllegalArgumentException("template not found: " + template);
    }
    String out = values.get("out");
    int warmupMax = bounded(values, "warmup-seconds", 120, 0, MAX_SECONDS);
    int warmupMin = bounded(values, "warmup-min-seconds", warmupMax, 0, warmupMax);
    return new Options(
        uri,
        template,
        values.get("secret"),
        bounded(values, "concurrency", 16, 1, MAX_CONCURRENCY),
        warmupMax,
        warmupMin,
        bounded(values, "duration-seconds", 30, 1, MAX_SECONDS),
        bounded(values, "max-requests", 200_000, 1, MAX_REQUESTS),
        bounded(values, "senders", 1000, 1, 10_000),
        values.get("expect"),
        out == null ? null : Path.of(out),
        bounded(values, "timeout-ms", 10_000, 100, 120_000),
        bounded(values, "server-pid", 0, 0, Integer.MAX_VALUE),
        values.containsKey("measure-start-file") ? Path.of(values.get("measure-start-file")) : null);
  }

  private static String defaultTemplate() {
    return Path.of("bench", "loadgen", "inbound-text-message.template.json").toString();
  }

  private static int bounded(Map<String, String> values, String name, int fallback, int min, int max) {
    String text = values.get(name);
    if (text == null) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + text + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "--" + name + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  private static String usage() {
    return String.join(
        "\n",
        "usage: java bench/loadgen/LoadGen.java --url http://127.0.0.1:PORT/path [options]",
        "  --template FILE          body template with {{WAMID}} {{FROM}} {{TIMESTAMP}}",
        "                           (default bench/loadgen/inbound-text-message.template.json)",
        "  --secret S               sign bodies: X-Hub-Signature-256 = sha256=HMAC(S, body)",
        "  --concurrency N          workers, one request in flight each (default 16, max 256)",
        "  --warmup-seconds N       longest discarded warm-up (default 120, max 600)",
        "  --warmup-min-seconds N   shortest warm-up (default: = --warmup-seconds, a fixed warm-up);",
        "                           if lower, the warm-up may end earlier, once",
        "                           when throughput is flat (set both equal for a fixed one)",
        "  --duration-seconds N     measured phase (default 30, max 600)",
        "  --max-requests N         unique bodies prepared = hard cap on requests (default 200000)",
        "  --senders N              distinct sender numbers the bodies cycle over (default 1000)",
        "  --expect TEXT            a 2xx answer must contain TEXT to count as ok",
        "  --timeout-ms N           per request (default 10000)",
        "  --server-pid PID         also report the server's CPU use while measuring (Linux)",
        "  --measure-start-file F   write F when the measured phase starts (e.g. to start a profiler)",
        "  --out FILE               also write the JSON result there");
  }
}
