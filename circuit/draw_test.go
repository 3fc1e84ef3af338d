package circuit

import (
	"encoding/xml"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/draw")

// qft returns the textbook quantum Fourier transform on n qubits (Nielsen &
// Chuang, Fig. 5.1): on each qubit from the top a Hadamard and controlled
// phases π/2^k from the qubits below, then the swaps that reverse the order.
func qft(n int) *Circuit {
	c := New(n)
	for j := 0; j < n; j++ {
		c.H(j)
		for k := j + 1; k < n; k++ {
			c.CP(k, j, Const(math.Pi/float64(int(1)<<(k-j))))
		}
	}
	for j := 0; j < n/2; j++ {
		c.Swap(j, n-1-j)
	}
	return c
}

// wide returns a 20-qubit layered circuit (Hadamards, a CX ladder, trainable
// RY angles, measurements), far wider than a terminal.
func wide() *Circuit {
	c := New(20)
	for q := 0; q < 20; q++ {
		c.H(q)
	}
	for q := 0; q+1 < 20; q++ {
		c.CX(q, q+1)
	}
	for q := 0; q < 20; q++ {
		c.RY(q, Weight(q))
	}
	return c.MeasureAll()
}

func drawCases(t *testing.T) []struct {
	name  string
	c     *Circuit
	width int
} {
	t.Helper()
	bell := New(2)
	bell.AddCReg("c", 2)
	bell.H(0).CX(0, 1).Measure(0, 0).Measure(1, 1)
	src, err := os.ReadFile(filepath.Join("testdata", "draw", "custom.qasm"))
	if err != nil {
		t.Fatal(err)
	}
	custom, err := ParseSymbolicQASM(string(src), "custom.qasm")
	if err != nil {
		t.Fatal(err)
	}
	return []struct {
		name  string
		c     *Circuit
		width int
	}{
		{"bell", bell, 0},
		{"qft4", qft(4), 0},
		{"custom", custom, 0},
		{"wide20", wide(), 80},
	}
}

// golden compares got with testdata/draw/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "draw", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run Draw -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n got:\n%s\nwant:\n%s", name, got, want)
	}
}

// TestDrawGolden checks the text diagrams against the golden files (reviewed
// by eye when written), and that a folded diagram keeps within its width.
func TestDrawGolden(t *testing.T) {
	for _, tc := range drawCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			var sb strings.Builder
			if err := tc.c.Draw(&sb, tc.width); err != nil {
				t.Fatal(err)
			}
			got := sb.String()
			golden(t, tc.name+".golden", got)
			lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
			for i, l := range lines {
				if n := utf8.RuneCountInString(l); tc.width > 0 && n > tc.width {
					t.Errorf("line %d is %d characters wide, more than %d: %q", i+1, n, tc.width, l)
				}
			}
			if tc.width > 0 && !strings.Contains(got, "»") {
				t.Errorf("a diagram wider than %d did not fold", tc.width)
			}
		})
	}
}

// TestDrawSVG checks the SVG images against golden files and that each is
// well-formed XML with an <svg> root.
func TestDrawSVG(t *testing.T) {
	for _, tc := range drawCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			var sb strings.Builder
			if err := tc.c.DrawSVG(&sb); err != nil {
				t.Fatal(err)
			}
			if tc.name == "bell" || tc.name == "custom" {
				golden(t, tc.name+".svg", sb.String())
			}
			dec := xml.NewDecoder(strings.NewReader(sb.String()))
			root := ""
			for {
				tok, err := dec.Token()
				if err != nil {
					if err.Error() != "EOF" {
						t.Fatalf("not well-formed XML: %v", err)
					}
					break
				}
				if se, ok := tok.(xml.StartElement); ok && root == "" {
					root = se.Name.Local
				}
			}
			if root != "svg" {
				t.Errorf("root element %q, want svg", root)
			}
		})
	}
}

func TestFormatAngle(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0, "0"},
		{math.Pi, "π"},
		{-math.Pi, "-π"},
		{math.Pi / 2, "π/2"},
		{3 * math.Pi / 4, "3π/4"},
		{-math.Pi / 8, "-π/8"},
		{2 * math.Pi, "2π"},
		{math.Pi / 3, "π/3"},
		{0.5, "0.5"},
		{1.2345678, "1.235"},
		{-1e-5, "-1e-05"},
	} {
		if got := formatAngle(tc.v); got != tc.want {
			t.Errorf("formatAngle(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
	p := Weight(1).Add(Input(0).Scale(2)).Offset(-math.Pi / 2)
	if got, want := formatParam(p), "θ[1]+2*x[0]-π/2"; got != want {
		t.Errorf("formatParam = %q, want %q", got, want)
	}
}

func TestDrawErrors(t *testing.T) {
	bad := New(1).X(3)
	if err := bad.Draw(&strings.Builder{}, 0); err == nil {
		t.Error("Draw of a failed circuit: no error")
	}
	if err := bad.DrawSVG(&strings.Builder{}); err == nil {
		t.Error("DrawSVG of a failed circuit: no error")
	}
	var sb strings.Builder
	if err := New(0).Draw(&sb, 80); err != nil || sb.Len() != 0 {
		t.Errorf("empty circuit: %q, %v", sb.String(), err)
	}
}

// TestDrawNarrow: a width narrower than the labels puts one column on each
// page rather than not folding.
func TestDrawNarrow(t *testing.T) {
	var sb strings.Builder
	if err := New(1).H(0).X(0).Draw(&sb, 3); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(sb.String(), "«"); got != 1 {
		t.Errorf("%d continued pages, want 1:\n%s", got, sb.String())
	}
}

func BenchmarkDraw(b *testing.B) {
	c := wide()
	for b.Loop() {
		if err := c.Draw(io.Discard, 80); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDrawSVG(b *testing.B) {
	c := wide()
	for b.Loop() {
		if err := c.DrawSVG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
