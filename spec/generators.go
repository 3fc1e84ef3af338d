package spec

import (
	"math"
	"math/rand/v2"

	"github.com/qmlgo/qml/dataset"
)

// generator is one synthetic dataset a spec can name in data.dataset.
type generator struct {
	// fields lists the data fields it reads, from generatorFields.
	fields []string
	// defaults fills the fields the spec left at zero.
	defaults func(d *Data)
	// make draws n samples (n is ignored by the exhaustive generators,
	// parity and bars-and-stripes).
	make func(d *Data, n int, rng *rand.Rand) (*dataset.Dataset, error)
}

// generatorFields are the data fields that only generators take.
var generatorFields = []string{"samples", "noise", "factor", "bits", "shape", "dimension", "margin"}

// defaultSamples is the training-set size of the random generators when
// the spec gives none.
const defaultSamples = 200

// generators maps data.dataset names to generators.
var generators = map[string]generator{
	"circle": {
		fields:   []string{"samples"},
		defaults: func(d *Data) {},
		make:     func(d *Data, n int, rng *rand.Rand) (*dataset.Dataset, error) { return dataset.Circle(n, rng) },
	},
	"moons": {
		fields:   []string{"samples", "noise"},
		defaults: func(d *Data) { setIfZero(&d.Noise, 0.1) },
		make: func(d *Data, n int, rng *rand.Rand) (*dataset.Dataset, error) {
			return dataset.Moons(n, d.Noise, rng)
		},
	},
	"circles": {
		fields:   []string{"samples", "noise", "factor"},
		defaults: func(d *Data) { setIfZero(&d.Noise, 0.05); setIfZero(&d.Factor, 0.5) },
		make: func(d *Data, n int, rng *rand.Rand) (*dataset.Dataset, error) {
			return dataset.ConcentricCircles(n, d.Factor, d.Noise, rng)
		},
	},
	"xor": {
		fields:   []string{"samples", "noise"},
		defaults: func(d *Data) { setIfZero(&d.Noise, 0.2) },
		make: func(d *Data, n int, rng *rand.Rand) (*dataset.Dataset, error) {
			return dataset.XOR(n, d.Noise, rng)
		},
	},
	"linear": {
		fields:   []string{"samples", "dimension", "margin"},
		defaults: func(d *Data) { setIfZero(&d.Dimension, 2) },
		make: func(d *Data, n int, rng *rand.Rand) (*dataset.Dataset, error) {
			ds, _, err := dataset.LinearlySeparable(n, d.Dimension, d.Margin, rng)
			return ds, err
		},
	},
	"parity": {
		fields:   []string{"bits"},
		defaults: func(d *Data) { setIfZero(&d.Bits, 4) },
		make:     func(d *Data, _ int, _ *rand.Rand) (*dataset.Dataset, error) { return dataset.Parity(d.Bits) },
	},
	"bars-and-stripes": {
		fields: []string{"shape"},
		defaults: func(d *Data) {
			if len(d.Shape) == 0 {
				d.Shape = []int{3, 3}
			}
		},
		make: func(d *Data, _ int, _ *rand.Rand) (*dataset.Dataset, error) {
			return dataset.BarsAndStripes(d.Shape[0], d.Shape[1])
		},
	},
}

// setIfZero sets *v to def when it is zero.
func setIfZero[T int | float64](v *T, def T) {
	if *v == 0 {
		*v = def
	}
}

// random reports whether the generator draws random samples (so samples
// and test_samples apply).
func (g generator) random() bool {
	for _, f := range g.fields {
		if f == "samples" {
			return true
		}
	}
	return false
}

// setDefaults fills the generator's fields.
func (g generator) setDefaults(s *Spec) {
	d := s.Data
	if g.random() {
		setIfZero(&d.Samples, defaultSamples)
	}
	g.defaults(d)
}

// check reports out-of-range generator fields.
func (g generator) check(d *Data, p *problems) {
	if g.random() && d.Samples < 4 {
		p.add("data.samples", "%d, want at least 4 so that every split keeps samples", d.Samples)
	}
	if !(d.Noise >= 0) || math.IsInf(d.Noise, 0) {
		p.add("data.noise", "%v, want a finite standard deviation ≥ 0", d.Noise)
	}
	if d.Factor != 0 && !(d.Factor > 0 && d.Factor < 1) {
		p.add("data.factor", "%v, want the inner radius as a fraction in (0, 1)", d.Factor)
	}
	if d.Bits != 0 && (d.Bits < 2 || d.Bits > dataset.MaxParityBits) {
		p.add("data.bits", "%d, want 2 to %d", d.Bits, dataset.MaxParityBits)
	}
	if len(d.Shape) != 0 {
		if len(d.Shape) != 2 {
			p.add("data.shape", "want [rows, cols], got %d values", len(d.Shape))
		} else if min(d.Shape[0], d.Shape[1]) < 2 || max(d.Shape[0], d.Shape[1]) > dataset.MaxBarsSide {
			p.add("data.shape", "%v, want rows and cols from 2 to %d", d.Shape, dataset.MaxBarsSide)
		}
	}
	if d.Dimension < 0 || d.Dimension > 64 {
		p.add("data.dimension", "%d, want 1 to 64", d.Dimension)
	}
	if !(d.Margin >= 0 && d.Margin < 1) {
		p.add("data.margin", "%v, want a margin in [0, 1)", d.Margin)
	}
}
