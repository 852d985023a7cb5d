package io.switchboard.crm.requesttracker;

import io.switchboard.crm.requesttracker.model.RtJson;
import io.switchboard.plugin.support.HttpFailureClassifier;
import io.switchboard.plugin.support.PooledHttpClient;
import io.switchboard.plugin.support.RetryAfter;
import io.switchboard.spi.PermanentException;
import io.switchboard.spi.RetryableException;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.Timeout;

/**
 * Request Tracker's HTTP endpoints (REST2 with a token, and the mail gateway) over the factory's
 * shared pooled Apache HttpClient (which this class never closes), with the connection's own
 * timeouts on every request and every failure classified: I/O errors, timeouts, 5xx and 429 are
 * {@link RetryableException}s (honouring {@code Retry-After}); other 4xx are {@link
 * PermanentException}s carrying RT's message.
 */
final class RequestTrackerRestClient {
  private static final Pattern FAILURE_MESSAGE =
      Pattern.compile(
          "(?i)\\b(unable|not found|couldn't|could not|permission denied|failed|no permission)\\b");

  /** A successful answer. */
  record Answer(int status, String body, String location, String retryAfter) {
    /** The body as a JSON object. */
    JsonObject object() throws PermanentException {
      JsonValue value = parse();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new PermanentException(
            "RT answered a JSON " + value.getValueType() + ", not an object", null);
      }
      return value.asJsonObject();
    }

    /** RT's result messages: REST2 answers updates with a JSON array of sentences. */
    List<String> messages() throws PermanentException {
      JsonValue value = parse();
      List<String> messages = new ArrayList<>();
      if (value.getValueType() == JsonValue.ValueType.ARRAY) {
        value.asJsonArray().forEach(m -> messages.add(m.toString().replaceAll("^\"|\"$", "")));
      }
      return messages;
    }

    /** RT answers some failed updates with HTTP 200/201 and a sentence: catch those. */
    void requireSuccess(String what) throws PermanentException {
      for (String message : messages()) {
        if (FAILURE_MESSAGE.matcher(message).find()) {
          throw new PermanentException("RT reported a problem " + what + ": " + message, null);
        }
      }
    }

    private JsonValue parse() throws PermanentException {
      try (JsonReader reader = RtJson.JSON.createReader(new StringReader(body))) {
        return reader.readValue();
      } catch (JsonException e) {
        throw new PermanentException(
            "RT answered HTTP " + status + " with a body that is not JSON: " + abbreviate(body), e);
      }
    }
  }

  /** Names the adapter to RT (and in RT's access logs). */
  static final String USER_AGENT = "Switchboard-RequestTracker/0.1.0";

  private final URI baseUrl;
  private final String token;
  private final HttpFailureClassifier failures;
  private final CloseableHttpClient http;
  private final RequestConfig timeouts;

  /**
   * @param http the factory's shared client; its owner closes it
   * @param baseUrl RT's web root, e.g. {@code http://127.0.0.1:8092}
   * @param token a REST2 auth token of the API user
   * @param timeout the connection's connect, pool-wait and response timeout
   */
  @SuppressWarnings("deprecation") // per-request connect timeout: the pool is shared by connections
  RequestTrackerRestClient(
      CloseableHttpClient http, URI baseUrl, String token, Duration timeout, Clock clock) {
    String root = baseUrl.toString().replaceAll("/+$", "");
    this.baseUrl = URI.create(root);
    this.token = token;
    this.failures = new HttpFailureClassifier(new RetryAfter(clock));
    this.http = http;
    Timeout each = Timeout.of(timeout);
    this.timeouts =
        RequestConfig.custom()
            .setConnectTimeout(each)
            .setConnectionRequestTimeout(each)
            .setResponseTimeout(each)
            .setRedirectsEnabled(false)
            .build();
  }

  /** The shared client a factory lends its adapters. */
  static CloseableHttpClient sharedClient(int maxConnections) {
    return PooledHttpClient.builder(USER_AGENT).maxConnections(maxConnections).build();
  }

  /** {@code GET /REST/2.0{path}}; {@code path} carries its own encoded query string. */
  Answer get(String path) throws RetryableException, PermanentException {
    HttpGet get = new HttpGet(rest2(path));
    return send(get, describe(get));
  }

  /** Like {@link #get} but empty on 404. */
  Optional<Answer> find(String path) throws RetryableException, PermanentException {
    HttpGet get = new HttpGet(rest2(path));
    authorize(get);
    Answer answer = exchange(get);
    return answer.status() == 404 ? Optional.empty() : Optional.of(classify(answer, describe(get)));
  }

  /** {@code POST /REST/2.0{path}} with a JSON body. */
  Answer post(String path, JsonStructure json) throws RetryableException, PermanentException {
    HttpPost post = new HttpPost(rest2(path));
    post.setEntity(new StringEntity(json.toString(), ContentType.APPLICATION_JSON));
    return send(post, describe(post));
  }

  /** {@code PUT /REST/2.0{path}} with a JSON body. */
  Answer put(String path, JsonStructure json) throws RetryableException, PermanentException {
    HttpPut put = new HttpPut(rest2(path));
    put.setEntity(new StringEntity(json.toString(), ContentType.APPLICATION_JSON));
    return send(put, describe(put));
  }

  /**
   * Posts a form to RT's mail gateway ({@code /REST/1.0/NoAuth/mail-gateway}); it answers 200 with
   * a text body whatever happened, which the caller reads.
   */
  Answer postMailGateway(Map<String, String> form) throws RetryableException, PermanentException {
    HttpPost post =
        new HttpPost(baseUrl.resolve(baseUrl.getPath() + "/REST/1.0/NoAuth/mail-gateway"));
    List<NameValuePair> fields = new ArrayList<>();
    form.forEach((k, v) -> fields.add(new BasicNameValuePair(k, v)));
    post.setEntity(new UrlEncodedFormEntity(fields, StandardCharsets.UTF_8));
    return classify(exchange(post), "POST mail-gateway");
  }

  /** A query-string value, percent-encoded (spaces as {@code %20}, as RT expects). */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Method and path without the query string (queries carry customer data such as phones). */
  private static String describe(HttpUriRequestBase request) {
    String uri = request.getRequestUri();
    int query = uri.indexOf('?');
    return request.getMethod() + " " + (query < 0 ? uri : uri.substring(0, query));
  }

  private URI rest2(String path) {
    return URI.create(baseUrl + "/REST/2.0" + path);
  }

  private Answer send(HttpUriRequestBase request, String what)
      throws RetryableException, PermanentException {
    authorize(request);
    return classify(exchange(request), what);
  }

  private void authorize(HttpUriRequestBase request) {
    request.setHeader(HttpHeaders.AUTHORIZATION, "token " + token);
    request.setHeader(HttpHeaders.ACCEPT, "application/json");
  }

  private Answer exchange(HttpUriRequestBase request) throws RetryableException {
    request.setConfig(timeouts);
    try {
      return http.execute(
          request,
          response -> {
            String body =
                response.getEntity() == null
                    ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            Header location = response.getFirstHeader(HttpHeaders.LOCATION);
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            return new Answer(
                response.getCode(),
                body,
                location == null ? null : location.getValue(),
                retryAfter == null ? null : retryAfter.getValue());
          });
    } catch (IOException e) {
      throw failures.unanswered("RT at " + baseUrl + " did not answer " + describe(request), e);
    }
  }

  private Answer classify(Answer answer, String what)
      throws RetryableException, PermanentException {
    int status = answer.status();
    if (status >= 200 && status < 300) {
      return answer;
    }
    String reason = "RT answered HTTP " + status + " to " + what + ": " + rtMessage(answer.body());
    if (status == 401 || status == 403) {
      reason += " (check the token option and the API user's rights)";
    }
    failures.raise(status, answer.retryAfter(), reason);
    throw new IllegalStateException("unreachable: raise always throws");
  }

  /** RT's own error text: REST2's {@code {"message": ...}}, else the start of the body. */
  static String rtMessage(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    try (JsonReader reader = RtJson.JSON.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object && object.containsKey("message")) {
        return object.get("message").toString().replaceAll("^\"|\"$", "");
      }
    } catch (JsonException | IllegalStateException notJson) {
      // fall through: HTML error pages and plain text are shown as they are
    }
    return abbreviate(body);
  }

  /** The failure for an answer that lacks what RT was asked to create. */
  static PermanentException notStored(String what) {
    return new PermanentException(
        "RT did not return the " + what + " it was asked to create", null);
  }

  static String abbreviate(String text) {
    String flat = text.replaceAll("\\s+", " ").trim();
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }
}
