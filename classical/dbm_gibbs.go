package classical

import (
	"fmt"
	"math/rand/v2"
)

// DBMChains are N Markov chains over the full state of a DBM, the
// persistent ("fantasy") particles of Fit's model term. They marshal to
// JSON, so a training run can checkpoint and resume them.
type DBMChains struct {
	// N is the number of chains.
	N int
	// States[l] holds layer l of every chain, N × Layers[l], row-major.
	States [][]float64
}

// NewChains returns n chains started from uniformly random binary states.
func (d *DBM) NewChains(n int, rng *rand.Rand) (*DBMChains, error) {
	if n < 1 {
		return nil, fmt.Errorf("classical: %d chains, want at least 1", n)
	}
	c := &DBMChains{N: n, States: make([][]float64, len(d.Layers))}
	for l, k := range d.Layers {
		c.States[l] = make([]float64, n*k)
		for i := range c.States[l] {
			c.States[l][i] = float64(rng.IntN(2))
		}
	}
	return c, nil
}

// check reports chains that do not fit d.
func (c *DBMChains) check(d *DBM) error {
	if c.N < 1 || len(c.States) != len(d.Layers) {
		return fmt.Errorf("classical: %d chains over %d layers, the DBM has %d layers", c.N, len(c.States), len(d.Layers))
	}
	for l, k := range d.Layers {
		if len(c.States[l]) != c.N*k {
			return fmt.Errorf("classical: chains hold %d values in layer %d, want %d × %d", len(c.States[l]), l, c.N, k)
		}
	}
	return nil
}

// row returns chain s's slice of layer l of a batch laid out like
// DBMChains.States.
func (d *DBM) row(x [][]float64, l, s int) []float64 {
	n := d.Layers[l]
	return x[l][s*n : (s+1)*n : (s+1)*n]
}

// gibbs runs steps block-Gibbs sweeps on the chains, each drawing the odd
// layers given the even ones and then the even layers given the odd ones.
// The conditional means of the last draw of every even layer are left in
// probs (laid out like the states), for Rao–Blackwellised statistics: every
// pairwise term x_{l−1}x_l couples an odd and an even layer, so replacing
// the even factor by its conditional mean given the odd layers keeps the
// expectation and lowers the variance.
func (d *DBM) gibbs(c *DBMChains, steps int, rng *rand.Rand, probs [][]float64) {
	L := len(d.Layers) - 1
	for range steps {
		for _, parity := range [2]int{1, 0} {
			for l := parity; l <= L; l += 2 {
				for s := range c.N {
					var below, above []float64
					if l > 0 {
						below = d.row(c.States, l-1, s)
					}
					if l < L {
						above = d.row(c.States, l+1, s)
					}
					p := d.row(probs, l, s)
					d.input(l, below, above, p)
					sigmoidScaled(p, 1)
				}
				copy(c.States[l], probs[l])
				sampleBinary(c.States[l], rng)
			}
		}
	}
}

// newBatch allocates a batch of n rows per layer, laid out like
// DBMChains.States.
func (d *DBM) newBatch(n int) [][]float64 {
	x := make([][]float64, len(d.Layers))
	for l, k := range d.Layers {
		x[l] = make([]float64, n*k)
	}
	return x
}

// Sample runs n independent block-Gibbs chains for steps sweeps from
// uniformly random states and returns their final visible states. It
// returns an error for n or steps below 1.
func (d *DBM) Sample(n, steps int, rng *rand.Rand) ([][]float64, error) {
	if steps < 1 {
		return nil, fmt.Errorf("classical: %d Gibbs sweeps, want at least 1", steps)
	}
	c, err := d.NewChains(n, rng)
	if err != nil {
		return nil, err
	}
	d.gibbs(c, steps, rng, d.newBatch(n))
	nv := d.Layers[0]
	out := make([][]float64, n)
	for s := range out {
		out[s] = c.States[0][s*nv : (s+1)*nv : (s+1)*nv]
	}
	return out, nil
}
