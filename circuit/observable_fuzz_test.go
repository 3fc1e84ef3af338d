package circuit_test

import (
	"reflect"
	"testing"

	"github.com/qmlgo/qml/circuit"
)

// FuzzParseObservable checks that ParseObservable never panics and that
// whatever it accepts is valid and survives String and a second parse
// unchanged. Run it with go test -fuzz=FuzzParseObservable ./circuit/.
func FuzzParseObservable(f *testing.F) {
	for _, s := range []string{
		"Z0", "0.5*Z0*Z1 - 1.2*X2 + 0.3", "Z0 Z1", "IZ", "XYZ", "-1.052373245772859*II + 0.39793742484318045*IZ",
		"3", "-2", "+Z0", "1e-3*X0 + 2.5E+2 Y1", ".5*Z0", "I3*Y1", "-0*Z0 + -0", "Z0 - -Z1",
		"Z0*Z0", "Q1", "0.5*", "X-", "XZ1", "1e300*1e300", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		o, err := circuit.ParseObservable(s)
		if err != nil {
			return
		}
		if err := o.Validate(o.NumQubits()); err != nil {
			t.Fatalf("ParseObservable(%q) accepted an invalid observable: %v", s, err)
		}
		text := o.String()
		back, err := circuit.ParseObservable(text)
		if err != nil {
			t.Fatalf("ParseObservable(%q).String() = %q does not parse: %v", s, text, err)
		}
		if !reflect.DeepEqual(back, o) {
			t.Fatalf("round trip of %q through %q: got %#v, want %#v", s, text, back, o)
		}
		if again := back.String(); again != text {
			t.Fatalf("String not stable: %q then %q", text, again)
		}
	})
}
