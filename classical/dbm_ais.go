package classical

import (
	"math"
	"math/rand/v2"
)

// AIS estimates log Z of the DBM by annealed importance sampling
// (Neal 2001), as Salakhutdinov and Hinton (2009, §4) do: from the base
// model with all weights and hidden biases zero and visible biases b_A
// (cfg.Data's marginals, or zero), whose log Z_A = Σ_i softplus(b_A,i) +
// (Σ_{l≥1} n_l) ln 2 is known, through the energies E_k = (1 − β_k)E_A +
// β_k E on the schedule of RBM.AIS, one block-Gibbs sweep at every β_k.
// The importance weights use the odd layers summed out analytically,
//
//	log p*_β(x_even) = ((1−β)b_A + βb_0)ᵀv + β Σ_{l even ≥ 2} b_lᵀx_l
//	                  + Σ_{l odd} Σ_j softplus(β a_l,j),
//
// with a_l the layer's input from its even neighbours, which lowers their
// variance. It returns the estimate and its standard error; like every AIS
// estimate it tends to underestimate log Z when the runs are too few or
// too short, which makes the derived likelihood bound optimistic.
func (d *DBM) AIS(cfg AISConfig, rng *rand.Rand) (logZ, stderr float64, err error) {
	if err := cfg.defaults(); err != nil {
		return 0, 0, err
	}
	bA, err := (&RBM{Visible: d.Layers[0]}).baseBiases(cfg.Data)
	if err != nil {
		return 0, 0, err
	}
	L := len(d.Layers) - 1
	logZA := 0.0
	for _, b := range bA {
		logZA += softplus(b)
	}
	for _, n := range d.Layers[1:] {
		logZA += float64(n) * math.Ln2
	}
	n := cfg.Runs
	// Start from the base: v ~ σ(b_A), every hidden unit a fair coin.
	c, err := d.NewChains(n, rng)
	if err != nil {
		return 0, 0, err
	}
	for s := range n {
		v := d.row(c.States, 0, s)
		for i := range v {
			v[i] = sigmoid(bA[i])
		}
	}
	sampleBinary(c.States[0], rng)
	a := d.newState()
	logw := make([]float64, n)
	betas := aisSchedule(cfg.Steps)
	for k := 1; k < len(betas); k++ {
		b0, b1 := betas[k-1], betas[k]
		for s := range n {
			logw[s] += d.aisLogP(c, s, bA, b1, a) - d.aisLogP(c, s, bA, b0, a)
		}
		// One block-Gibbs sweep at β_k: odd layers, then even ones.
		for _, parity := range [2]int{1, 0} {
			for l := parity; l <= L; l += 2 {
				for s := range n {
					x := d.row(c.States, l, s)
					d.neighbourInput(c, l, s, x)
					for j := range x {
						if l == 0 {
							x[j] = sigmoid((1-b1)*bA[j] + b1*x[j])
						} else {
							x[j] = sigmoid(b1 * x[j])
						}
					}
				}
				sampleBinary(c.States[l], rng)
			}
		}
	}
	logZ, stderr = aisEstimate(logw)
	return logZA + logZ, stderr, nil
}

// neighbourInput writes chain s's input b_l + W_lᵀx_{l−1} + W_{l+1}x_{l+1}
// of layer l into a.
func (d *DBM) neighbourInput(c *DBMChains, l, s int, a []float64) {
	var below, above []float64
	if l > 0 {
		below = d.row(c.States, l-1, s)
	}
	if l+1 < len(d.Layers) {
		above = d.row(c.States, l+1, s)
	}
	d.input(l, below, above, a)
}

// aisLogP returns log p*_β of chain s's even layers with the odd layers
// summed out (see AIS); a is scratch from newState.
func (d *DBM) aisLogP(c *DBMChains, s int, bA []float64, beta float64, a [][]float64) float64 {
	v := d.row(c.States, 0, s)
	lp := (1-beta)*dot(bA, v) + beta*dot(d.B[0], v)
	for l := 1; l < len(d.Layers); l++ {
		if l%2 == 0 {
			lp += beta * dot(d.B[l], d.row(c.States, l, s))
			continue
		}
		d.neighbourInput(c, l, s, a[l])
		for _, x := range a[l] {
			lp += softplus(beta * x)
		}
	}
	return lp
}
