package org.councilgateway.internal.ocds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.councilgateway.Problem;
import org.councilgateway.internal.BoundedTree;
import org.councilgateway.internal.ReadLimits;

/**
 * Streams one OCDS file (a release package, a record package or a single release) with Jackson's
 * streaming parser, reading one release (or record) at a time as a bounded tree and keeping only a
 * {@link Notice} of it. Every read is bounded: the file's bytes, the nesting, each string's length
 * and each number's digits.
 */
final class NoticeReader {
  /** Keys only a release has at its top level: an object with one of these and no list is taken for a single release. */
  private static final Set<String> RELEASE_KEYS = Set.of("ocid", "tag", "initiationType", "tender", "awards",
      "contracts", "planning", "buyer", "parties");

  private final JsonFactory json;
  private final ReadLimits limits;

  NoticeReader(ReadLimits limits) {
    this.limits = limits;
    this.json = limits.jsonFactory();
  }

  /** What one file gave: its notices and skipped releases, or the fault that makes it unusable. */
  record FileResult(List<Notice> notices, List<Skip> skipped, int releases, Problem unusable) {}

  /**
   * A release skipped, and why.
   *
   * @param file the file as the user named it
   * @param place where in it: {@code releases[3]}, {@code records[0]} or {@code the release}
   * @param releaseId the release's id, or null
   * @param reason why, a sentence
   */
  record Skip(String file, String place, String releaseId, String reason) {}

  /**
   * Reads one file.
   *
   * @param file the file
   * @param order the input order of the first release it holds
   * @return what it gave; a file with a fault gives no notices
   */
  FileResult read(Path file, long order) {
    String name = file.toString();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return unusable(name, "does not exist.");
    } catch (IOException e) {
      return unusable(name, "cannot be read: " + e.getMessage() + ".");
    }
    if (attributes.isDirectory()) {
      return unusable(name, "cannot be read: it is a directory, not an OCDS file.");
    }
    if (!attributes.isRegularFile()) {
      return unusable(name, "cannot be read: it is not a regular file but a device, a pipe or a socket, which is"
          + " never read as an OCDS file.");
    }
    long most = limits.maxDocumentChars();
    if (attributes.size() > most) {
      return unusable(name, "is " + String.format(Locale.ROOT, "%,d", attributes.size()) + " bytes long, more than the "
          + String.format(Locale.ROOT, "%,d", most) + " bytes an OCDS file may be (raise --limit planBytes to read it).");
    }
    State state = new State(name, order);
    try (InputStream in = new Bounded(Files.newInputStream(file), most); JsonParser parser = json.createParser(in)) {
      document(parser, state);
    } catch (TooLarge e) {
      return unusable(name, "is larger than " + String.format(Locale.ROOT, "%,d", most)
          + " bytes, the most an OCDS file may be (raise --limit planBytes to read it).");
    } catch (BoundedTree.DuplicateKeyException e) {
      return unusable(at(name, e.getLocation(), "is not valid JSON: the key \"" + e.key()
          + "\" is given twice in one object."));
    } catch (JsonProcessingException e) {
      return unusable(at(name, e.getLocation(), "is not valid JSON: " + gist(e.getOriginalMessage())));
    } catch (NumberFormatException e) {
      return unusable(name, "is not valid JSON: it has a number too large or too small to read.");
    } catch (Unusable e) {
      return unusable(at(name, e.location, e.getMessage()));
    } catch (IOException e) {
      return unusable(name, "cannot be read: " + e.getMessage() + ".");
    }
    return new FileResult(state.notices, state.skipped, state.releases, null);
  }

  /** What is read from one file so far. */
  private static final class State {
    final String file;
    final Notice.PackageUri uri = new Notice.PackageUri();
    final List<Notice> notices = new ArrayList<>();
    final List<Skip> skipped = new ArrayList<>();
    long order;
    int releases;

    State(String file, long order) {
      this.file = file;
      this.order = order;
    }
  }

  private void document(JsonParser parser, State state) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new Unusable("is empty: an OCDS file is a release package, a record package or a release.", null);
    }
    if (first != JsonToken.START_OBJECT) {
      throw new Unusable("is not an OCDS release package, record package or release: it is JSON, but not an object.",
          parser.currentTokenLocation());
    }
    ObjectNode top = JsonNodeFactory.instance.objectNode();
    boolean listed = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonLocation at = parser.currentTokenLocation();
      JsonToken token = parser.nextToken();
      if (top.has(key)) {
        throw new Unusable("is not valid JSON: the key \"" + key + "\" is given twice in one object.", at);
      }
      if (listed && (key.equals("releases") || key.equals("records"))) {
        throw new Unusable("has both \"releases\" and \"records\", so it is neither a release package nor a record "
            + "package.", at);
      }
      if (key.equals("releases") || key.equals("records")) {
        if (token != JsonToken.START_ARRAY) {
          throw new Unusable("has \"" + key + "\" that is not a list, so it is not an OCDS "
              + (key.equals("releases") ? "release" : "record") + " package.", at);
        }
        listed = true;
        list(parser, state, key.equals("records"));
        top.putNull(key);
        continue;
      }
      JsonNode value = BoundedTree.readValue(parser, limits.maxNumberLength(), limits.maxNumberScale());
      top.set(key, value);
      if (key.equals("uri") && value.isTextual()) {
        state.uri.set(value.asText());
      }
    }
    if (parser.nextToken() != null) {
      throw new Unusable("is not valid JSON: there is more after the end of the document.", parser.currentTokenLocation());
    }
    if (listed) {
      return;
    }
    boolean release = false;
    for (String key : RELEASE_KEYS) {
      release |= top.has(key);
    }
    if (!release) {
      throw new Unusable("is not an OCDS release package, record package or release: it has no \"releases\" or "
          + "\"records\" list, and none of a release's fields (ocid, tag, tender, awards, ...).", null);
    }
    // A single release has no package: no uri to link to.
    state.uri.set(null);
    state.releases++;
    release(top, "the release", null, state);
  }

  private void list(JsonParser parser, State state, boolean records) throws IOException {
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String place = (records ? "records[" : "releases[") + index++ + "]";
      state.releases++;
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        JsonNode value = BoundedTree.readValue(parser, limits.maxNumberLength(), limits.maxNumberScale());
        state.skipped.add(new Skip(state.file, place, null, "it is not an object but " + BoundedTree.shown(value, "an object")
            + ", so it is not a " + (records ? "record" : "release") + "."));
        continue;
      }
      JsonNode node = BoundedTree.readValue(parser, limits.maxNumberLength(), limits.maxNumberScale());
      if (records) {
        record(node, place, state);
      } else {
        release(node, place, null, state);
      }
    }
  }

  /** A record: its compiledRelease, else its latest release (ties: the later). */
  private void record(JsonNode record, String place, State state) {
    String ocid = text(record.get("ocid"));
    JsonNode compiled = record.get("compiledRelease");
    if (compiled != null && compiled.isObject()) {
      release(compiled, place + ".compiledRelease", ocid, state);
      return;
    }
    JsonNode chosen = null;
    int chosenIndex = -1;
    java.time.Instant latest = null;
    JsonNode releases = record.path("releases");
    for (int i = 0; i < releases.size(); i++) {
      JsonNode candidate = releases.get(i);
      if (!candidate.isObject()) {
        continue;
      }
      java.time.Instant when = Notice.instant(text(candidate.get("date")));
      if (chosen == null || later(when, latest)) {
        chosen = candidate;
        chosenIndex = i;
        latest = when;
      }
    }
    if (chosen == null) {
      state.skipped.add(new Skip(state.file, place, null, "the record" + (ocid == null ? "" : " " + ocid)
          + " has neither a compiledRelease nor a release to read."));
      return;
    }
    release(chosen, place + ".releases[" + chosenIndex + "]", ocid, state);
  }

  /** Whether a release dated {@code when} comes after one dated {@code latest}, or ties with it (the later in input wins). */
  static boolean later(java.time.Instant when, java.time.Instant latest) {
    if (when == null) {
      return latest == null;
    }
    return latest == null || !when.isBefore(latest);
  }

  private void release(JsonNode release, String place, String recordOcid, State state) {
    String releaseId = text(release.get("id"));
    String ocid = text(release.get("ocid"));
    if (ocid == null || ocid.isBlank()) {
      ocid = recordOcid;
    }
    if (ocid == null || ocid.isBlank()) {
      state.skipped.add(new Skip(state.file, place, releaseId, "it has no ocid, so it cannot be told which "
          + "contracting process it belongs to."));
      return;
    }
    state.notices.add(Notice.of(release, ocid.strip(), state.uri, state.order++));
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }

  private static FileResult unusable(String file, String message) {
    return unusable(new Problem(file, 0, 0, message));
  }

  private static FileResult unusable(Problem problem) {
    return new FileResult(List.of(), List.of(), 0, problem);
  }

  private static Problem at(String file, JsonLocation at, String message) {
    return new Problem(file, at == null ? 0 : Math.max(0, at.getLineNr()), at == null ? 0 : Math.max(0, at.getColumnNr()),
        message);
  }

  /** The gist of a parser's message, without the parts that name Jackson's classes and settings. */
  static String gist(String text) {
    if (text == null) {
      return "it does not parse.";
    }
    String line = text.lines().findFirst().orElse(text).strip()
        .replaceAll("\\s*\\[Source: [^\\]]*\\]", "")
        .replaceAll("\\(`StreamReadFeature[^)]*\\)", "")
        .replaceAll(",? ?\\(?from `StreamReadConstraints[^)]*\\)?", "")
        .replaceAll(" ?\\(for Object starting at[^)]*\\)", "");
    line = line.length() > 200 ? line.substring(0, 200) + "..." : line;
    return line.endsWith(".") ? line : line + ".";
  }

  /** A fault that makes a file unusable, found while streaming it. */
  private static final class Unusable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient JsonLocation location;

    Unusable(String message, JsonLocation location) {
      super(message, null, false, false);
      this.location = location;
    }
  }

  /** The file grew beyond the limit while it was read. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** Reads no more than a limit: a file that grows past it is cut off with {@link TooLarge}. */
  private static final class Bounded extends FilterInputStream {
    private long left;

    Bounded(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) {
        throw new TooLarge();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        left -= n;
        if (left < 0) {
          throw new TooLarge();
        }
      }
      return n;
    }
  }
}
