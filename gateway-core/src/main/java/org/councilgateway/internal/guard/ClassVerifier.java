package org.councilgateway.internal.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.councilgateway.model.Proposal;
import org.councilgateway.facts.Findings;
import org.councilgateway.facts.ReferenceData;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads the classes Drools generated from a rule set, before any of them is defined or
 * initialised, and refuses them unless every type, method and field they reference is on an
 * allowlist: the model and fact types, read-only JDK value methods, and the Drools runtime types
 * the executable model's generated code needs. Whatever a rule file's text looked like, and
 * whatever a parser or Drools' code generator made of it, code that reaches for a process, a file,
 * the network, reflection, a class loader or a thread is refused here.
 *
 * <p>The allowlist is the resource {@code generated-code.allowlist} beside this class, plus the
 * model types, which are worked out from {@link Proposal} and the {@code facts} package.
 */
public final class ClassVerifier {
  private static final String ALLOWLIST = "generated-code.allowlist";
  private static final String ANY_MEMBER = "*";
  private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
  private static final String CONCAT_FACTORY = "java/lang/invoke/StringConcatFactory";

  /** Allowed members by type; an empty set allows naming the type only. */
  private static final Map<String, Set<String>> TYPES = new HashMap<>();

  /** Allowed members by package, for lines ending in {@code /*}. */
  private static final Map<String, Set<String>> PACKAGES = new HashMap<>();

  static {
    readAllowlist();
    for (Class<?> model : modelTypes()) {
      TYPES.put(internalName(model), Set.of(ANY_MEMBER));
    }
  }

  /**
   * One reference outside the allowlist.
   *
   * @param className the generated class holding it, in internal form
   * @param method the method holding it, or null for the class's own declarations
   * @param reference what was referenced: a type, or {@code Type.member}, in source form
   */
  public record Refusal(String className, String method, String reference) {}

  private ClassVerifier() {}

  /**
   * Checks generated classes against the allowlist.
   *
   * @param classes class file bytes by internal class name ({@code org/x/Rules1})
   * @return every reference outside the allowlist, in class and method order; empty when sound
   */
  public static List<Refusal> verify(Map<String, byte[]> classes) {
    Set<String> own = classes.keySet();
    List<Refusal> refusals = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : new TreeMap<>(classes).entrySet()) {
      Checker checker = new Checker(own, refusals);
      try {
        ClassReader reader = new ClassReader(entry.getValue());
        if (!reader.getClassName().equals(entry.getKey())) {
          refusals.add(new Refusal(entry.getKey(), null, "a class named " + reader.getClassName().replace('/', '.')));
        }
        reader.accept(checker, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      } catch (RuntimeException e) {
        refusals.add(new Refusal(entry.getKey(), null, "a class file that cannot be read"));
      }
    }
    return refusals;
  }

  /**
   * Which methods refer to each generated class, so that a refusal in a lambda class Drools
   * generated can be reported against the rule whose method uses it.
   *
   * @param classes class file bytes by internal class name
   * @return for each generated class, the names of the methods of other generated classes that
   *     reference it
   */
  public static Map<String, Set<String>> users(Map<String, byte[]> classes) {
    Map<String, Set<String>> users = new HashMap<>();
    for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
      try {
        new ClassReader(entry.getValue()).accept(new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
              String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
              private void use(String owner) {
                if (!owner.equals(entry.getKey()) && classes.containsKey(owner)) {
                  users.computeIfAbsent(owner, k -> new LinkedHashSet<>()).add(name);
                }
              }

              @Override
              public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                use(owner);
              }

              @Override
              public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                  boolean isInterface) {
                use(owner);
              }

              @Override
              public void visitTypeInsn(int opcode, String type) {
                use(type);
              }
            };
          }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      } catch (RuntimeException e) {
        // Unreadable classes are refused by verify; they name no rule.
      }
    }
    return users;
  }

  /** Whether code may name a type, in internal form or as an array or descriptor of one. */
  private static boolean typeAllowed(String type, Set<String> own) {
    String element = type;
    while (element.startsWith("[")) {
      element = element.substring(1);
    }
    if (element.length() == 1) {
      return true; // a primitive
    }
    if (element.startsWith("L") && element.endsWith(";")) {
      element = element.substring(1, element.length() - 1);
    }
    return own.contains(element) || TYPES.containsKey(element) || PACKAGES.containsKey(packageOf(element));
  }

  private static boolean memberAllowed(String owner, String member, Set<String> own) {
    if (own.contains(owner)) {
      return true;
    }
    if (owner.startsWith("[")) {
      // Arrays: clone and length-like members only, on an allowed element type.
      return typeAllowed(owner, own) && member.equals("clone");
    }
    Set<String> members = TYPES.get(owner);
    if (members == null) {
      members = PACKAGES.get(packageOf(owner));
    }
    return members != null && (members.contains(ANY_MEMBER) || members.contains(member));
  }

  private static String packageOf(String type) {
    int slash = type.lastIndexOf('/');
    return slash < 0 ? "" : type.substring(0, slash);
  }

  /** Visits one class, recording every reference outside the allowlist. */
  private static final class Checker extends ClassVisitor {
    private final Set<String> own;
    private final List<Refusal> refusals;
    private String className;

    Checker(Set<String> own, List<Refusal> refusals) {
      super(Opcodes.ASM9);
      this.own = own;
      this.refusals = refusals;
    }

    private void refuse(String method, String reference) {
      Refusal refusal = new Refusal(className, method, reference);
      if (!refusals.contains(refusal)) {
        refusals.add(refusal);
      }
    }

    private void type(String method, String type) {
      if (!typeAllowed(type, own)) {
        refuse(method, sourceName(type));
      }
    }

    private void descriptor(String method, String descriptor) {
      org.objectweb.asm.Type parsed = org.objectweb.asm.Type.getType(descriptor);
      if (parsed.getSort() == org.objectweb.asm.Type.METHOD) {
        type(method, parsed.getReturnType().getDescriptor());
        for (org.objectweb.asm.Type argument : parsed.getArgumentTypes()) {
          type(method, argument.getDescriptor());
        }
      } else {
        type(method, parsed.getDescriptor());
      }
    }

    private void member(String method, String owner, String name, String descriptor) {
      type(method, owner);
      descriptor(method, descriptor);
      if (typeAllowed(owner, own) && !memberAllowed(owner, name, own)) {
        refuse(method, sourceName(owner) + "." + name);
      }
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      className = name;
      if (superName != null) {
        type(null, superName);
      }
      for (String implemented : interfaces) {
        type(null, implemented);
      }
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
      descriptor(null, descriptor);
      return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      if ((access & Opcodes.ACC_NATIVE) != 0) {
        refuse(name, "a native method");
      }
      descriptor(name, descriptor);
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitTypeInsn(int opcode, String type) {
          type(name, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
          member(name, owner, field, fieldDescriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
            boolean isInterface) {
          member(name, owner, method, methodDescriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
            Object... arguments) {
          boolean lambda = bootstrap.getOwner().equals(METAFACTORY) && bootstrap.getName().equals("metafactory");
          boolean concat = bootstrap.getOwner().equals(CONCAT_FACTORY)
              && bootstrap.getName().equals("makeConcatWithConstants");
          if (!lambda && !concat) {
            refuse(name, sourceName(bootstrap.getOwner()) + "." + bootstrap.getName());
            return;
          }
          descriptor(name, indyDescriptor);
          for (Object argument : arguments) {
            constant(name, argument);
          }
        }

        @Override
        public void visitLdcInsn(Object value) {
          constant(name, value);
        }

        @Override
        public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
          type(name, arrayDescriptor);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
          if (type != null) {
            type(name, type);
          }
        }
      };
    }

    /** A loaded constant: a class literal, a method handle or type, or a plain value. */
    private void constant(String method, Object value) {
      if (value instanceof org.objectweb.asm.Type type) {
        descriptor(method, type.getDescriptor());
      } else if (value instanceof Handle handle) {
        member(method, handle.getOwner(), handle.getName(), handle.getDesc());
      } else if (value instanceof ConstantDynamic) {
        refuse(method, "a dynamic constant");
      }
    }
  }

  private static String sourceName(String type) {
    String element = type;
    int dimensions = 0;
    while (element.startsWith("[")) {
      element = element.substring(1);
      dimensions++;
    }
    if (element.startsWith("L") && element.endsWith(";")) {
      element = element.substring(1, element.length() - 1);
    }
    return element.replace('/', '.').replace('$', '.') + "[]".repeat(dimensions);
  }

  static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  private static void readAllowlist() {
    try (InputStream in = ClassVerifier.class.getResourceAsStream(ALLOWLIST)) {
      if (in == null) {
        throw new IllegalStateException("The generated-code allowlist is missing from the gateway-core jar");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        String[] words = text.split("\\s+");
        Set<String> members = Set.copyOf(Arrays.asList(words).subList(1, words.length));
        if (words[0].endsWith("/*")) {
          PACKAGES.put(words[0].substring(0, words[0].length() - 2), members);
        } else {
          TYPES.put(words[0], members);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The model types the generated code may use every member of: the records and enums of the model
   * package ({@link RuleFileGuard#MODEL_TYPES}: {@link Proposal} and its value types), {@link
   * Findings} and {@link ReferenceData} (the rest of the facts package is allowed by the
   * allowlist). Nothing of the gateway's API.
   *
   * @return the model types
   */
  public static Set<Class<?>> modelTypes() {
    Set<Class<?>> types = new LinkedHashSet<>(RuleFileGuard.MODEL_TYPES);
    types.add(Findings.class);
    types.add(ReferenceData.class);
    return types;
  }
}
