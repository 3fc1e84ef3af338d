package classical

import (
	"math"
	"math/rand/v2"
)

// tempering holds the parallel-tempering chains of RBM training: systems
// independent ladders, each with one replica (v, h) per inverse
// temperature β_m = 1 − m/M, m = 0…M−1.
type tempering struct {
	r       *RBM
	betas   []float64
	systems int
	// v[m], h[m] hold the replicas at β_m of every system, row-major.
	v, h            [][]float64
	rng             *rand.Rand
	tried, accepted int
	scratch         []float64
	sp              sparseRow
}

func newTempering(r *RBM, systems, temps int, rng *rand.Rand) *tempering {
	t := &tempering{r: r, systems: systems, rng: rng, scratch: make([]float64, r.Hidden),
		betas: make([]float64, temps), v: make([][]float64, temps), h: make([][]float64, temps)}
	for m := range temps {
		t.betas[m] = 1 - float64(m)/float64(temps)
		t.v[m] = make([]float64, systems*r.Visible)
		for i := range t.v[m] {
			t.v[m][i] = float64(rng.IntN(2))
		}
		t.h[m] = make([]float64, systems*r.Hidden)
	}
	return t
}

// run advances every replica by k Gibbs steps at its temperature, then
// proposes swaps between neighbouring temperatures (even pairs, then odd
// ones), accepted with probability min(1, e^{(β_m − β_{m+1})(E_m − E_{m+1})}).
// It writes the β = 1 visible states into vn and their p(h|v) into hn; wt
// is Wᵀ.
func (t *tempering) run(k int, vn, hn, wt []float64) {
	r := t.r
	for m, beta := range t.betas {
		for range k {
			r.hiddenBatch(t.v[m], t.systems, beta, t.h[m], &t.sp)
			sampleBinary(t.h[m], t.rng)
			r.visibleBatch(t.h[m], t.systems, beta, t.v[m], wt, &t.sp)
			r.sampleVisible(t.v[m], beta, t.rng)
		}
	}
	nv, nh := r.Visible, r.Hidden
	for parity := range 2 {
		for m := parity; m+1 < len(t.betas); m += 2 {
			for s := range t.systems {
				va, ha := t.v[m][s*nv:(s+1)*nv], t.h[m][s*nh:(s+1)*nh]
				vb, hb := t.v[m+1][s*nv:(s+1)*nv], t.h[m+1][s*nh:(s+1)*nh]
				d := (t.betas[m] - t.betas[m+1]) * (t.energy(va, ha) - t.energy(vb, hb))
				t.tried++
				if d >= 0 || t.rng.Float64() < math.Exp(d) {
					t.accepted++
					swapFloats(va, vb)
					swapFloats(ha, hb)
				}
			}
		}
	}
	copy(vn, t.v[0])
	r.hiddenBatch(vn, t.systems, 1, hn, &t.sp)
}

// energy is E(v, h) at β = 1.
func (t *tempering) energy(v, h []float64) float64 {
	t.r.hiddenInput(v, t.scratch)
	return -dot(t.scratch, h) - dot(t.r.B, v)
}

// acceptance returns the swap acceptance rate since the last call.
func (t *tempering) acceptance() float64 {
	rate := float64(t.accepted) / float64(max(t.tried, 1))
	t.tried, t.accepted = 0, 0
	return rate
}

func swapFloats(a, b []float64) {
	for i := range a {
		a[i], b[i] = b[i], a[i]
	}
}
