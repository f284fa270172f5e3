package dev.mvlab.template;

import dev.mvlab.template.PyValues.PyError;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Python's arithmetic operators on template values; results never keep a {@link TypedNumber}'s type. */
final class PyArithmetic {
    private PyArithmetic() {
    }

    static Object unary(String op, Object v) {
        if (op.equals("not")) {
            return !PyValues.truthy(v);
        }
        Number n = PyValues.number(v);
        if (n == null) {
            throw new PyError("bad operand type for unary " + op + ": '" + PyValues.typeName(v) + "'");
        }
        if (op.equals("+")) {
            return n;
        }
        return n instanceof BigInteger i ? (Object) i.negate() : (Object) (-n.doubleValue());
    }

    static Object binary(String op, Object a, Object b) {
        Number x = PyValues.number(a);
        Number y = PyValues.number(b);
        if (x != null && y != null) {
            return checked(numbers(op, x, y));
        }
        if (op.equals("+")) {
            if (PyValues.isText(a) && PyValues.isText(b)) {
                return bounded(PyValues.text(a) + PyValues.text(b));
            }
            if (a instanceof List<?> la && b instanceof List<?> lb) {
                List<Object> out = new ArrayList<>(la);
                out.addAll(lb);
                return bounded(out);
            }
            if (a instanceof PyTuple ta && b instanceof PyTuple tb) {
                List<Object> out = new ArrayList<>(ta.items());
                out.addAll(tb.items());
                return new PyTuple(List.copyOf(bounded(out)));
            }
        }
        if (op.equals("*")) {
            if (y instanceof BigInteger times && (PyValues.isText(a) || a instanceof List)) {
                return repeat(a, times);
            }
            if (x instanceof BigInteger times && (PyValues.isText(b) || b instanceof List)) {
                return repeat(b, times);
            }
        }
        throw new PyError("unsupported operand type(s) for " + op + ": '" + PyValues.typeName(a) + "' and '"
                + PyValues.typeName(b) + "'");
    }

    private static Object repeat(Object sequence, BigInteger times) {
        long n = times.signum() <= 0 ? 0 : times.bitLength() > 31 ? Long.MAX_VALUE : times.longValue();
        long size = PyValues.len(sequence);
        if (size * n > PyValues.MAX_SEQUENCE || n > PyValues.MAX_SEQUENCE) {
            throw new PyError("result of repetition too large (more than " + PyValues.MAX_SEQUENCE + " items)");
        }
        if (PyValues.isText(sequence)) {
            return PyValues.text(sequence).repeat((int) n);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.addAll((List<?>) sequence);
        }
        return out;
    }

    private static Number numbers(String op, Number x, Number y) {
        if (x instanceof BigInteger i && y instanceof BigInteger j) {
            return switch (op) {
                case "+" -> i.add(j);
                case "-" -> i.subtract(j);
                case "*" -> i.multiply(j);
                case "/" -> {
                    zero(j.signum() == 0, "division by zero");
                    yield i.doubleValue() / j.doubleValue();
                }
                case "//" -> {
                    zero(j.signum() == 0, "integer division or modulo by zero");
                    BigInteger[] qr = i.divideAndRemainder(j);
                    yield qr[1].signum() != 0 && qr[1].signum() != j.signum() ? qr[0].subtract(BigInteger.ONE)
                            : qr[0];
                }
                case "%" -> {
                    zero(j.signum() == 0, "integer division or modulo by zero");
                    BigInteger r = i.mod(j.abs());
                    yield j.signum() < 0 && r.signum() != 0 ? r.add(j) : r;
                }
                case "**" -> {
                    if (j.signum() < 0) {
                        yield Math.pow(i.doubleValue(), j.doubleValue());
                    }
                    if (j.bitLength() > 31 || (long) i.bitLength() * j.longValue() > PyValues.MAX_INT_BITS) {
                        if (i.abs().compareTo(BigInteger.ONE) <= 0) {
                            yield i.signum() == 0 ? BigInteger.ZERO
                                    : i.signum() > 0 || !j.testBit(0) ? BigInteger.ONE : BigInteger.ONE.negate();
                        }
                        throw new PyError("integer result too large");
                    }
                    yield i.pow(j.intValue());
                }
                default -> throw new PyError("unknown operator " + op);
            };
        }
        double a = x.doubleValue();
        double b = y.doubleValue();
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> {
                zero(b == 0, "float division by zero");
                yield a / b;
            }
            case "//" -> {
                zero(b == 0, "float floor division by zero");
                yield Math.floor(a / b);
            }
            case "%" -> {
                zero(b == 0, "float modulo");
                double r = a % b;
                yield r != 0 && (r < 0) != (b < 0) ? r + b : r;
            }
            case "**" -> Math.pow(a, b);
            default -> throw new PyError("unknown operator " + op);
        };
    }

    private static void zero(boolean isZero, String message) {
        if (isZero) {
            throw new PyError("ZeroDivisionError: " + message);
        }
    }

    private static Number checked(Number n) {
        if (n instanceof BigInteger i && i.bitLength() > PyValues.MAX_INT_BITS) {
            throw new PyError("integer result too large");
        }
        return n;
    }

    private static String bounded(String s) {
        if (s.length() > PyValues.MAX_SEQUENCE * 16) {
            throw new PyError("string result too large");
        }
        return s;
    }

    private static List<Object> bounded(List<Object> l) {
        if (l.size() > PyValues.MAX_SEQUENCE) {
            throw new PyError("list result too large");
        }
        return l;
    }
}
