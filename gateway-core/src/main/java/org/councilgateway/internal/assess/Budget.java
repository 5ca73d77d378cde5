package org.councilgateway.internal.assess;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.councilgateway.GatewayException;
import org.councilgateway.Limits;
import org.councilgateway.Problem;
import org.councilgateway.model.Proposal;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;

/**
 * What one assessment may spend, shared by all its sessions: findings, time, and the facts and
 * text the rules create. A rule set that would exceed a bound is stopped with a sentence naming
 * the limit, rather than left to exhaust the machine. Thread-safe.
 */
final class Budget {
  private final Limits limits;
  private final List<Proposal> assessed;
  private final int proposals;
  private volatile long textAllowed = -1;
  private final long findingsAllowed;
  private final AtomicLong findings = new AtomicLong();
  private final long deadline;

  /**
   * @param limits the limits
   * @param assessed the proposals assessed
   */
  Budget(Limits limits, List<Proposal> assessed) {
    this.limits = limits;
    this.assessed = assessed;
    this.proposals = assessed.size();
    this.findingsAllowed = limits.findingsFor(proposals);
    long nanos = limits.assessmentTime().toNanos();
    long now = System.nanoTime();
    this.deadline = now + nanos < now ? Long.MAX_VALUE : now + nanos;
  }

  /** Thrown from inside a session when a bound is reached; the session is abandoned. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(String message) {
      super(message, null, false, false);
    }

    GatewayException toException() {
      return new GatewayException(new Problem(null, 0, 0, getMessage()));
    }
  }

  /**
   * Counts findings recorded; a recorder adds its count a few at a time, so that the sessions on
   * other cores do not wait on one counter.
   *
   * @param count the findings recorded since the last call
   */
  void findings(int count) {
    if (findings.addAndGet(count) > findingsAllowed) {
      throw new Exceeded("The rules recorded more than " + String.format("%,d", findingsAllowed) + " findings for "
          + String.format("%,d", proposals) + " proposal(s), the most an assessment may record (limit findingsPerPlan "
          + String.format("%,d", limits.findingsPerPlan()) + " plus findingsPerProposal "
          + String.format("%,d", limits.findingsPerProposal()) + " for each proposal), and were stopped.");
    }
  }

  /**
   * Checks a text a rule recorded or put into a fact.
   *
   * @param text the text, or null
   * @param what what it is, for the message
   */
  void text(String text, String what) {
    if (text != null && text.length() > limits.textChars() && text.length() > textAllowed()) {
      throw new Exceeded("A rule made " + what + " of " + String.format("%,d", text.length())
          + " characters; the most is " + String.format("%,d", textAllowed()) + " (limit textChars, or "
          + INPUT_TEXT_FACTOR + " times the longest text of the proposals assessed).");
    }
  }

  /**
   * The longest text (or list) a rule may make: {@code textChars}, or more when the proposals
   * themselves hold long texts or lists (a rule may copy a few of them into one message). Worked out only when a text
   * is longer than {@code textChars}, which sound rules on sound plans never make.
   */
  private long textAllowed() {
    long allowed = textAllowed;
    if (allowed < 0) {
      int longest = 0;
      for (Proposal proposal : assessed) {
        longest = Math.max(longest, longestText(proposal));
      }
      allowed = Math.max(limits.textChars(), (long) INPUT_TEXT_FACTOR * longest);
      textAllowed = allowed;
    }
    return allowed;
  }

  /** How many times the proposals' longest text or list a rule's text or list may be. */
  static final int INPUT_TEXT_FACTOR = 8;

  private static int longestText(Object value) {
    int[] longest = {0};
    visit(value, 0, held -> {
      if (held instanceof String text) {
        longest[0] = Math.max(longest[0], text.length());
      } else if (held instanceof Collection<?> collection) {
        longest[0] = Math.max(longest[0], collection.size());
      }
    });
    return longest[0];
  }

  /**
   * Hands every text, decimal number and collection a value holds to a visitor: the value itself,
   * the items of its collections and maps, and the components of its records, a few levels deep.
   */
  private static void visit(Object value, int depth, Consumer<Object> visitor) {
    if (value == null || depth > 4) {
      return;
    }
    if (value instanceof String || value instanceof BigDecimal) {
      visitor.accept(value);
    } else if (value instanceof Collection<?> collection) {
      visitor.accept(collection);
      for (Object item : collection) {
        visit(item, depth + 1, visitor);
      }
    } else if (value instanceof Map<?, ?> map) {
      visit(map.keySet(), depth + 1, visitor);
      visit(map.values(), depth + 1, visitor);
    } else if (value instanceof Record) {
      for (Method accessor : ACCESSORS.get(value.getClass())) {
        try {
          visit(accessor.invoke(value), depth + 1, visitor);
        } catch (ReflectiveOperationException e) {
          // A model record's accessors are public and plain: nothing to visit if one fails.
        }
      }
    }
  }

  /** Whether the assessment has run out of time. */
  boolean overTime() {
    return System.nanoTime() - deadline > 0;
  }

  /** The sentence for an assessment stopped for taking too long. */
  GatewayException overTimeException() {
    Duration time = limits.assessmentTime();
    return new GatewayException(new Problem(null, 0, 0, "The assessment of " + String.format("%,d", proposals)
        + " proposal(s) took longer than " + time.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
        + ", the most an assessment may take (limit assessmentTime), and its rules were halted."));
  }

  /**
   * A listener that bounds the facts the rules insert into one session, and the text and numbers
   * those facts hold.
   *
   * @param sessionProposals the proposals in the session
   * @return the listener; add it once the gateway's own facts are inserted
   */
  Facts facts(int sessionProposals) {
    return new Facts(limits.factsFor(sessionProposals), sessionProposals);
  }

  /** Counts and checks the facts rules insert into one session. */
  final class Facts extends DefaultRuleRuntimeEventListener {
    private final long allowed;
    private final int sessionProposals;
    private long inserted;
    /** {@link #check}, made once: it is called for every fact the rules insert. */
    private final Consumer<Object> checker = this::check;

    Facts(long allowed, int sessionProposals) {
      this.allowed = allowed;
      this.sessionProposals = sessionProposals;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      if (++inserted > allowed) {
        throw new Exceeded("The rules inserted more than " + String.format("%,d", allowed) + " facts into a session of "
            + String.format("%,d", sessionProposals) + " proposal(s), the most they may (limit factsPerSession "
            + String.format("%,d", limits.factsPerSession()) + " plus factsPerProposal "
            + String.format("%,d", limits.factsPerProposal()) + " for each proposal), and were stopped.");
      }
      visit(event.getObject(), 0, checker);
    }

    /** Checks one text, number or collection a fact holds. */
    private void check(Object held) {
      if (held instanceof String text) {
        text(text, "a fact holding a text");
      } else if (held instanceof BigDecimal number) {
        number(number);
      } else if (held instanceof Collection<?> collection
          && collection.size() > limits.textChars() && collection.size() > textAllowed()) {
        throw new Exceeded("A rule inserted a fact holding a list of " + String.format("%,d", collection.size())
            + " items; the most is " + String.format("%,d", textAllowed()) + " (limit textChars, or "
            + INPUT_TEXT_FACTOR + " times the longest text or list of the proposals assessed).");
      }
    }

    private void number(BigDecimal number) {
      int scale = number.scale();
      int precision = number.precision();
      if (Math.abs((long) scale) > limits.numberScale() || precision > limits.numberDigits()) {
        throw new Exceeded("A rule inserted a fact holding a number of " + precision + " digits and scale " + scale
            + "; the most are " + limits.numberDigits() + " digits and a scale of " + limits.numberScale()
            + " either way (limits numberDigits and numberScale).");
      }
    }
  }

  /** The accessors of each record type's components that may hold text, numbers or collections. */
  private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected Method[] computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      if (components == null || !java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
        return new Method[0];
      }
      return java.util.Arrays.stream(components)
          .filter(c -> !c.getType().isPrimitive() && !c.getType().isEnum())
          .map(RecordComponent::getAccessor)
          .toArray(Method[]::new);
    }
  };
}
