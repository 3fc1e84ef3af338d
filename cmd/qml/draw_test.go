package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDrawText(t *testing.T) {
	out, errOut, code := qml(t, "draw", "../../examples/bell.qasm", "--width", "0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"q_0: ", "┤ H ├", "■", "┤ X ├", "┤M├", "╩"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

func TestDrawFoldsAtWidth(t *testing.T) {
	path := writeQASM(t, "ghz.qasm", ghzQASM(12))
	out, errOut, code := qml(t, "draw", path, "--width", "40")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "»") {
		t.Errorf("a 12-qubit GHZ ladder did not fold at 40 columns:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if utf8.RuneCountInString(l) > 40 {
			t.Errorf("line wider than 40: %q", l)
		}
	}
	t.Setenv("COLUMNS", "1000")
	if out, _, _ := qml(t, "draw", path); strings.Contains(out, "»") {
		t.Errorf("COLUMNS=1000 still folded:\n%s", out)
	}
}

func TestDrawQASM3AndSymbols(t *testing.T) {
	v3 := writeQASM(t, "layer.qasm", "OPENQASM 3;\ninclude \"stdgates.inc\";\ninput float[64] a;\nqubit[2] q;\nctrl @ rx(2*a) q[0], q[1];\n")
	out, errOut, code := qml(t, "draw", v3)
	if code != 0 || !strings.Contains(out, "Rx(2*θ[0])") {
		t.Errorf("exit %d %s:\n%s", code, errOut, out)
	}
	v2 := writeQASM(t, "sym.qasm", "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\nry(x[0] + θ[1]) q[0];\n")
	out, errOut, code = qml(t, "draw", v2)
	if code != 0 || !strings.Contains(out, "Ry(θ[1]+x[0])") {
		t.Errorf("variational: exit %d %s:\n%s", code, errOut, out)
	}
}

func TestDrawSVGToFile(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "bell.svg")
	_, errOut, code := qml(t, "draw", "../../examples/bell.qasm", "--format", "svg", "-o", dst)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(dst)
	if err != nil || !strings.HasPrefix(string(b), "<svg") || !strings.HasSuffix(string(b), "</svg>\n") {
		t.Errorf("not an SVG file: %v %.80q", err, b)
	}
}

func TestDrawErrors(t *testing.T) {
	bad := writeQASM(t, "bad.qasm", "OPENQASM 3;\nqubit q;\ndef f() {}\n")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"draw", "../../examples/bell.qasm", "--format", "png"}, 2, "--format"},
		{[]string{"draw", "../../examples/bell.qasm", "--width", "-1"}, 2, "--width"},
		{[]string{"draw", "missing.qasm"}, 1, "missing.qasm"},
		{[]string{"draw", bad}, 1, "bad.qasm:3:1: def: subroutines"},
		{[]string{"draw"}, 2, "accepts 1 arg"},
	} {
		_, errOut, code := qml(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("qml %v: exit %d, stderr %q; want exit %d containing %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
	if out, _, code := qml(t, "draw", "--help"); code != 0 || !strings.Contains(out, "Examples:") {
		t.Errorf("draw --help has no example:\n%s", out)
	}
}
