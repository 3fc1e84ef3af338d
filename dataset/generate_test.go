package dataset

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)) }

// TestGeneratorsDeterministic checks that every random generator returns the
// same data for the same seed and different data for another seed.
func TestGeneratorsDeterministic(t *testing.T) {
	gens := map[string]func(rng *rand.Rand) (*Dataset, error){
		"moons":   func(r *rand.Rand) (*Dataset, error) { return Moons(101, 0.1, r) },
		"circle":  func(r *rand.Rand) (*Dataset, error) { return Circle(100, r) },
		"circles": func(r *rand.Rand) (*Dataset, error) { return ConcentricCircles(100, 0.5, 0.05, r) },
		"xor":     func(r *rand.Rand) (*Dataset, error) { return XOR(100, 0.2, r) },
		"linear": func(r *rand.Rand) (*Dataset, error) {
			d, _, err := LinearlySeparable(100, 3, 0.1, r)
			return d, err
		},
	}
	for name, gen := range gens {
		a, err := gen(newRand(1))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, _ := gen(newRand(1))
		c, _ := gen(newRand(2))
		if a.SHA256() != b.SHA256() {
			t.Errorf("%s: same seed, different data", name)
		}
		if a.SHA256() == c.SHA256() {
			t.Errorf("%s: different seeds, same data", name)
		}
		if err := a.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestGeneratorErrors(t *testing.T) {
	r := newRand(1)
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"moons n", second(Moons(1, 0, r)), "at least 2 samples"},
		{"moons noise", second(Moons(10, -1, r)), "noise -1"},
		{"moons NaN noise", second(Moons(10, math.NaN(), r)), "noise NaN"},
		{"moons rng", second(Moons(10, 0, nil)), "random generator"},
		{"circle n", second(Circle(0, r)), "at least 1"},
		{"circles factor", second(ConcentricCircles(10, 1, 0, r)), "factor 1 outside (0, 1)"},
		{"circles factor 0", second(ConcentricCircles(10, 0, 0, r)), "factor 0"},
		{"xor rng", second(XOR(10, 0, nil)), "random generator"},
		{"parity 0", second(Parity(0)), "bit count 0"},
		{"parity 21", second(Parity(21)), "bit count 21"},
		{"bars 0", second(BarsAndStripes(0, 3)), "size 0×3"},
		{"bars 13", second(BarsAndStripes(2, 13)), "size 2×13"},
		{"linear dim", third(LinearlySeparable(10, 0, 0, r)), "dimension 0"},
		{"linear margin", third(LinearlySeparable(10, 2, 1, r)), "margin 1 outside"},
		{"linear hopeless", third(LinearlySeparable(10, 1, 0.9999999, r)), "gave up"},
	}
	for _, tt := range tests {
		if tt.err == nil || !strings.Contains(tt.err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, tt.err, tt.want)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func third[T, U any](_ T, _ U, err error) error { return err }

// TestMoonsGeometry checks make_moons' closed form without noise: class 0 on
// the unit circle's upper half, class 1 on the circle of radius 1 around
// (1, 1/2), lower half; ⌊n/2⌋ and ⌈n/2⌉ points.
func TestMoonsGeometry(t *testing.T) {
	d, err := Moons(51, 0, newRand(3))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.ClassCounts(); !slices.Equal(got, []int{25, 26}) {
		t.Errorf("class counts %v, want [25 26]", got)
	}
	for i, p := range d.X {
		cx, cy, up := 0.0, 0.0, 1.0
		if d.Y[i] == 1 {
			cx, cy, up = 1, 0.5, -1
		}
		if r := math.Hypot(p[0]-cx, p[1]-cy); math.Abs(r-1) > 1e-12 || up*(p[1]-cy) < -1e-12 {
			t.Fatalf("sample %v label %d off its half circle", p, d.Y[i])
		}
	}
}

// TestCircle checks the data re-uploading circle: points in the square,
// labels by the radius √(2/π), and balance close to the expected 1/2.
func TestCircle(t *testing.T) {
	if math.Abs(math.Pi*CircleRadius*CircleRadius-2) > 1e-12 {
		t.Errorf("disc area %v, want 2 (half the square)", math.Pi*CircleRadius*CircleRadius)
	}
	const n = 4000
	d, err := Circle(n, newRand(4))
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range d.X {
		if math.Abs(p[0]) > 1 || math.Abs(p[1]) > 1 {
			t.Fatalf("point %v outside the square", p)
		}
		if inside := math.Hypot(p[0], p[1]) < CircleRadius; inside != (d.Y[i] == 1) {
			t.Fatalf("point %v has label %d", p, d.Y[i])
		}
	}
	// Binomial(4000, 1/2): standard deviation √1000 ≈ 32; allow 4σ.
	if c := d.ClassCounts(); math.Abs(float64(c[1])-n/2) > 4*math.Sqrt(n/4) {
		t.Errorf("class counts %v far from balanced", c)
	}
}

func TestConcentricCircles(t *testing.T) {
	d, err := ConcentricCircles(40, 0.3, 0, newRand(5))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.ClassCounts(); !slices.Equal(got, []int{20, 20}) {
		t.Errorf("class counts %v", got)
	}
	angles := map[int][]float64{}
	for i, p := range d.X {
		want := []float64{1, 0.3}[d.Y[i]]
		if r := math.Hypot(p[0], p[1]); math.Abs(r-want) > 1e-12 {
			t.Fatalf("point %v label %d at radius %v, want %v", p, d.Y[i], r, want)
		}
		angles[d.Y[i]] = append(angles[d.Y[i]], math.Atan2(p[1], p[0]))
	}
	// Evenly spaced over [0, 2π): sorted angles step by 2π/20.
	for c, a := range angles {
		slices.Sort(a)
		for k := 1; k < len(a); k++ {
			if math.Abs(a[k]-a[k-1]-2*math.Pi/20) > 1e-9 {
				t.Fatalf("class %d angles not evenly spaced: %v", c, a)
			}
		}
	}
}

func TestXOR(t *testing.T) {
	d, err := XOR(202, 0.1, newRand(6))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.ClassCounts(); !slices.Equal(got, []int{101, 101}) {
		t.Errorf("class counts %v, want balanced", got)
	}
	// With noise 0.1 a sample leaving its quadrant is a 10σ event.
	for i, p := range d.X {
		if opposite := p[0]*p[1] < 0; opposite != (d.Y[i] == 1) {
			t.Fatalf("point %v has label %d", p, d.Y[i])
		}
	}
}

func TestParity(t *testing.T) {
	d, err := Parity(3)
	if err != nil {
		t.Fatal(err)
	}
	// Rows in integer order, bit 0 first (qubit order); labels by hand.
	want := [][]float64{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}, {1, 0, 1}, {0, 1, 1}, {1, 1, 1}}
	wantY := []int{0, 1, 1, 0, 1, 0, 0, 1}
	if !slices.EqualFunc(d.X, want, slices.Equal) || !slices.Equal(d.Y, wantY) {
		t.Errorf("Parity(3) = %v %v", d.X, d.Y)
	}
	for n := 1; n <= 10; n++ {
		d, err := Parity(n)
		if err != nil {
			t.Fatal(err)
		}
		if d.Len() != 1<<n || d.Dim() != n {
			t.Fatalf("Parity(%d) is %d×%d", n, d.Len(), d.Dim())
		}
		seen := map[string]bool{}
		for i, x := range d.X {
			sum := 0.0
			for _, v := range x {
				sum += v
			}
			if int(sum)%2 != d.Y[i] {
				t.Fatalf("Parity(%d) row %v label %d", n, x, d.Y[i])
			}
			seen[key(x)] = true
		}
		if len(seen) != 1<<n {
			t.Fatalf("Parity(%d) has %d distinct rows", n, len(seen))
		}
		if c := d.ClassCounts(); c[0] != c[1] {
			t.Errorf("Parity(%d) counts %v", n, c)
		}
	}
}

// TestBarsAndStripes checks the count 2^cols + 2^rows − 2 (30 for 4×4, 14
// for 3×3), that images are distinct, and each label independently: a bar
// image has constant columns, a stripe image constant rows.
func TestBarsAndStripes(t *testing.T) {
	tests := []struct{ rows, cols, want int }{
		{4, 4, 30}, {3, 3, 14}, {2, 2, 6}, {2, 3, 10}, {3, 2, 10}, {1, 4, 16}, {4, 1, 16}, {1, 1, 2},
	}
	for _, tt := range tests {
		d, err := BarsAndStripes(tt.rows, tt.cols)
		if err != nil {
			t.Fatal(err)
		}
		if d.Len() != tt.want || d.Dim() != tt.rows*tt.cols {
			t.Errorf("%d×%d: %d images of %d pixels, want %d", tt.rows, tt.cols, d.Len(), d.Dim(), tt.want)
		}
		seen := map[string]bool{}
		for i, x := range d.X {
			constCols, constRows := true, true
			for r := range tt.rows {
				for c := range tt.cols {
					v := x[r*tt.cols+c]
					if v != 0 && v != 1 {
						t.Fatalf("pixel value %v", v)
					}
					constCols = constCols && v == x[c]
					constRows = constRows && v == x[r*tt.cols]
				}
			}
			if (d.Y[i] == 0 && !constCols) || (d.Y[i] == 1 && !constRows) {
				t.Fatalf("%d×%d image %v labelled %d", tt.rows, tt.cols, x, d.Y[i])
			}
			seen[key(x)] = true
		}
		if len(seen) != d.Len() {
			t.Errorf("%d×%d: %d distinct of %d", tt.rows, tt.cols, len(seen), d.Len())
		}
	}
}

func TestLinearlySeparable(t *testing.T) {
	const margin = 0.2
	d, w, err := LinearlySeparable(500, 4, margin, newRand(7))
	if err != nil {
		t.Fatal(err)
	}
	norm := 0.0
	for _, v := range w {
		norm += v * v
	}
	if math.Abs(norm-1) > 1e-12 {
		t.Errorf("|w|² = %v", norm)
	}
	for i, x := range d.X {
		s := 0.0
		for j := range x {
			if math.Abs(x[j]) > 1 {
				t.Fatalf("point %v outside the cube", x)
			}
			s += w[j] * x[j]
		}
		if math.Abs(s) < margin || (s > 0) != (d.Y[i] == 1) {
			t.Fatalf("point %v: w·x = %v, label %d", x, s, d.Y[i])
		}
	}
	if c := d.ClassCounts(); c[0] == 0 || c[1] == 0 {
		t.Errorf("one class empty: %v", c)
	}
}

func key(x []float64) string {
	var b strings.Builder
	for _, v := range x {
		b.WriteByte(byte('0' + int(v)))
	}
	return b.String()
}
