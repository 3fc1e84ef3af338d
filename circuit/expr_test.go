package circuit

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestParseParam: each expression against its value worked out by hand
// (closed forms from the math package).
func TestParseParam(t *testing.T) {
	w, x := Weight, Input
	for _, tc := range []struct {
		in   string
		want Param
	}{
		{"0", Const(0)},
		{"1.5e-3", Const(0.0015)},
		{"2E+2", Const(200)},
		{"1e3", Const(1000)},
		{".5", Const(0.5)},
		{"5.", Const(5)},
		{"pi", Const(math.Pi)},
		{"π/2", Const(math.Pi / 2)},
		{"-pi/2", Const(-math.Pi / 2)},
		{"--1", Const(1)},
		{"+3", Const(3)},
		{"2^3", Const(8)},
		{"2^3^2", Const(512)},    // right-associative: 2^(3^2)
		{"-2^2", Const(-4)},      // ^ binds tighter than unary minus
		{"2^-1", Const(0.5)},     // a signed exponent
		{"(-2)^2", Const(4)},     // parentheses
		{"1 - 2 - 3", Const(-4)}, // left-associative
		{"8/4/2", Const(1)},
		{"1 + 2*3", Const(7)},
		{"(1 + 2)*3", Const(9)},
		{"sin(pi/4)", Const(math.Sqrt2 / 2)},
		{"cos(pi)", Const(-1)},
		{"tan(pi/4)", Const(1)},
		{"exp(1)", Const(math.E)},
		{"ln(exp(2))", Const(2)},
		{"sqrt(2)", Const(math.Sqrt2)},
		{"asin(1)", Const(math.Pi / 2)},
		{"acos(-1)", Const(math.Pi)},
		{"4*atan(1)", Const(math.Pi)},
		{"θ[0]", w(0)},
		{"theta[3]", w(3)},
		{"w[2]", w(2)},
		{"x[1]", x(1)},
		{"x [ 1 ]", x(1)},
		{"-x[0]", x(0).Scale(-1)},
		{"2*x[0]", x(0).Scale(2)},
		{"x[0]*2", x(0).Scale(2)},
		{"x[0]/4", x(0).Scale(0.25)},
		{"x[0] - x[0]", Const(0)},
		{"x[0]*0", Const(0)},
		{"x[0] + x[0]", x(0).Scale(2)},
		{"2*x[0] + θ[3] - 1.5707963267948966", x(0).Scale(2).Add(w(3)).Offset(-math.Pi / 2)},
		{"sin(pi/4)*x[0] + θ[1]/2", x(0).Scale(math.Sqrt2 / 2).Add(w(1).Scale(0.5))},
		{"(x[0] + θ[1]) * 2^2 - (pi)", x(0).Scale(4).Add(w(1).Scale(4)).Offset(-math.Pi)},
		{"pi*(x[2] - 1)/2", x(2).Scale(math.Pi / 2).Offset(-math.Pi / 2)},
		{"  x[0]  ", x(0)},
	} {
		got, err := ParseParam(tc.in)
		if err != nil {
			t.Errorf("ParseParam(%q): %v", tc.in, err)
			continue
		}
		if !got.Equal(tc.want, 1e-15) {
			t.Errorf("ParseParam(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestParseParamErrors: each bad expression fails at the column named, with
// what was expected or why it is refused.
func TestParseParamErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", "1:1: expected a number, pi, a name, a function or '(', found the end of the input"},
		{"1 +", "1:4: expected a number, pi, a name, a function or '(', found the end of the input"},
		{"(1", `1:3: expected ")" to close the parenthesis, found the end of the input`},
		{"1)", `1:2: expected an operator or the end of the expression, found ")"`},
		{"1 2", "1:3: expected an operator or the end of the expression, found number 2"},
		{"x[0]*x[1]", "1:5: a product of two expressions with symbols is not affine"},
		{"θ[0]*(1 + θ[0])", "1:5: a product of two expressions with symbols is not affine"},
		{"sin(θ[0])", "1:1: sin of an expression with symbols is not affine"},
		{"2 + exp(x[1])", "1:5: exp of an expression with symbols is not affine"},
		{"1/x[0]", "1:2: division by an expression with symbols is not affine"},
		{"x[0]^2", "1:5: a power of an expression with symbols is not affine"},
		{"2^x[0]", "1:2: a power of an expression with symbols is not affine"},
		{"1/0", "1:2: division by zero"},
		{"x[0]/(1-1)", "1:5: division by zero"},
		{"ln(0)", "1:1: the value is not a finite number"},
		{"sqrt(-1)", "1:1: the value is not a finite number"},
		{"10^400", "1:3: the value is not a finite number"},
		{"1e400", "1:1: number 1e400 is out of range"},
		{"y[0]", `1:1: unknown name "y": expected pi, θ[i], theta[i], w[i] or x[i]`},
		{"theta", "1:1: theta needs an index: expected theta[i]"},
		{"θ", "1:1: θ needs an index: expected θ[i]"},
		{"2*θ[a]", "1:5: expected an index after θ[, found identifier \"a\""},
		{"x[1.5]", "1:3: expected an index after x[, found number 1.5"},
		{"x[-1]", `1:3: expected an index after x[, found "-"`},
		{"x[99999999999]", "1:3: index 99999999999 is too large"},
		{"x[0", `1:4: expected "]" after the index, found the end of the input`},
		{"sin 1", `1:5: expected "(" after function sin, found number 1`},
		{"sin(1", `1:6: expected ")" to close the argument of sin, found the end of the input`},
		{"1 # 2", "1:3: unexpected character '#'"},
		{"θ[0] $", "1:6: unexpected character '$'"},
		{"/* 1", "1:1: unterminated comment"},
		{strings.Repeat("(", 1500) + "1" + strings.Repeat(")", 1500), "nested too deeply"},
		{strings.Repeat("-", 1500) + "1", "nested too deeply"},
		{"1" + strings.Repeat("*1", 1500), "expression too long"},
		// Hostile depths stop at the bound instead of exhausting the stack.
		{strings.Repeat("(", 1_000_000), "nested too deeply"},
		{strings.Repeat("-(", 1_000_000), "nested too deeply"},
		{strings.Repeat("2^", 1_000_000) + "2", "nested too deeply"},
		{strings.Repeat("sin(", 1_000_000), "nested too deeply"},
	} {
		_, err := ParseParam(tc.in)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseParam(%.40q): error %v, want %q", tc.in, err, tc.want)
			continue
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.File != "" || pe.Line != 1 || pe.Column < 1 {
			t.Errorf("ParseParam(%.40q): %#v is not a ParseError on line 1", tc.in, err)
		}
	}
}

// randomParam draws an affine Param with a few weights and inputs.
func randomParam(rng *rand.Rand) Param {
	p := Const(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(9)-4)))
	for k := rng.IntN(4); k > 0; k-- {
		s := Weight(rng.IntN(20))
		if rng.IntN(2) == 0 {
			s = Input(rng.IntN(20))
		}
		p = p.Add(s.Scale(rng.NormFloat64()))
	}
	return p
}

// TestParseParamReadsString: ParseParam(p.String()) is p, exactly, for
// random affine params (seeded).
func TestParseParamReadsString(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 500; i++ {
		p := randomParam(rng)
		got, err := ParseParam(p.String())
		if err != nil || !got.Equal(p, 0) {
			t.Fatalf("ParseParam(%q) = %v, %v; want %v", p.String(), got, err, p)
		}
	}
}

// FuzzParseParam: no input panics, and whatever parses prints back to
// itself through String.
func FuzzParseParam(f *testing.F) {
	for _, s := range []string{"2*x[0] + θ[3] - 1.5", "sin(pi/4)*x[0]", "-2^-1", "1/x[0]", "((1))", ".5e-3", "w[1]/3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseParam(s)
		if err != nil {
			return
		}
		back, err := ParseParam(p.String())
		if err != nil || !back.Equal(p, 0) {
			t.Fatalf("%q parsed to %v, whose String %q reads back as %v, %v", s, p, p.String(), back, err)
		}
	})
}

// BenchmarkParseParam parses a typical encoder angle.
func BenchmarkParseParam(b *testing.B) {
	for b.Loop() {
		if _, err := ParseParam("pi*x[3]/2 + 0.5*θ[12] - 1.5e-3"); err != nil {
			b.Fatal(err)
		}
	}
}
