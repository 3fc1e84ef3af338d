package statevector

import "testing"

func TestParseFlags(t *testing.T) {
	fusions := []struct {
		in   string
		want int
		ok   bool
	}{
		{"off", FusionOff, true}, {"auto", FusionAuto, true}, {"", FusionAuto, true},
		{"1", 1, true}, {"4", 4, true}, {"5", 5, true},
		{"0", 0, false}, {"6", 0, false}, {"two", 0, false},
	}
	for _, tt := range fusions {
		got, err := ParseFusion(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseFusion(%q) = %d, %v", tt.in, got, err)
		}
	}
	precisions := []struct {
		in   string
		want Precision
		ok   bool
	}{
		{"double", Double, true}, {"single", Single, true}, {"SINGLE", Single, true},
		{"complex64", Single, true}, {"half", Double, false},
	}
	for _, tt := range precisions {
		got, err := ParsePrecision(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParsePrecision(%q) = %v, %v", tt.in, got, err)
		}
	}
	if Single.String() != "single" || Double.String() != "double" {
		t.Error("Precision.String")
	}
	for _, bad := range []Options{{Fusion: -2}, {Fusion: MaxFusion + 1}, {Precision: 7}, {BlockQubits: MaxQubits + 1}} {
		if bad.check() == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}
