package classical

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlgo/qml/optim"
)

// RBM training methods: how the model (negative-phase) statistics of the
// log-likelihood gradient are estimated.
const (
	// CD is contrastive divergence CD-k (Hinton 2002): k Gibbs steps from
	// each training sample.
	CD = "cd"
	// PCD is persistent CD (Tieleman, ICML 2008): k Gibbs steps per update
	// on chains that persist across updates (scikit-learn's BernoulliRBM).
	PCD = "pcd"
	// PT is parallel tempering (Desjardins et al., AISTATS 2010): persistent
	// chains at inverse temperatures 1 = β₀ > β₁ > … > β_{M−1}, with
	// replica swaps between neighbours, so the β = 1 chains mix between
	// modes through the hot ones.
	PT = "pt"
)

// RBMTraining configures RBM.Fit. Zero fields take the defaults in
// brackets.
type RBMTraining struct {
	// Method is CD, PCD or PT [PCD].
	Method string
	// K is the number of Gibbs steps per update [1].
	K int
	// Epochs is the number of passes over the data (≥ 1).
	Epochs int
	// BatchSize is the mini-batch size [10].
	BatchSize int
	// LearningRate is the step of plain stochastic gradient ascent,
	// θ ← θ + η (⟨·⟩_data − ⟨·⟩_model) [0.1]; used when Optimizer is nil.
	LearningRate float64
	// Optimizer, if non-nil, steps on the gradient of the negative
	// log-likelihood estimate instead (Adam, momentum, …).
	Optimizer optim.Optimizer
	// WeightDecay is an L2 penalty λ on W, adding λW to the gradient.
	WeightDecay float64
	// Chains is the number of persistent chains (PCD) or of tempered
	// systems (PT) [BatchSize].
	Chains int
	// Temperatures is the number of PT replicas, β_m = 1 − m/M [10].
	Temperatures int
	// NLL, when set, records the exact negative log-likelihood of the
	// training data after every epoch (needs ExactLogZ).
	NLL bool
	// Reconstruction, when set, records the reconstruction error after
	// every epoch.
	Reconstruction bool
	// OnEpoch and OnBatch, if set, are called after every epoch and every
	// update.
	OnEpoch func(RBMEpoch)
	OnBatch func(epoch, batch, batches int)
}

// RBMEpoch records one epoch of RBM training; metrics that were not asked
// for are NaN.
type RBMEpoch struct {
	Epoch int
	// NLL is the exact mean negative log-likelihood of the training data.
	NLL float64
	// LogZ is the exact log partition function behind NLL, so that other
	// data can be scored without summing it again.
	LogZ float64
	// Reconstruction is the mean squared reconstruction error.
	Reconstruction float64
	// Swaps is the PT replica-swap acceptance rate.
	Swaps   float64
	Seconds float64
}

func (c *RBMTraining) defaults() {
	if c.Method == "" {
		c.Method = PCD
	}
	setDefault(&c.K, 1)
	setDefault(&c.BatchSize, 10)
	setDefault(&c.LearningRate, 0.1)
	setDefault(&c.Chains, c.BatchSize)
	setDefault(&c.Temperatures, 10)
}

func (c *RBMTraining) check() error {
	switch {
	case c.Method != CD && c.Method != PCD && c.Method != PT:
		return fmt.Errorf("classical: RBM training method %q, want %q, %q or %q", c.Method, CD, PCD, PT)
	case c.K < 1 || c.Epochs < 1 || c.BatchSize < 1 || c.Chains < 1 || c.Temperatures < 2:
		return fmt.Errorf("classical: RBM training with k=%d, %d epochs, batch %d, %d chains, %d temperatures; want ≥ 1 (≥ 2 temperatures)",
			c.K, c.Epochs, c.BatchSize, c.Chains, c.Temperatures)
	}
	return checkStep("RBM", c.LearningRate, c.WeightDecay)
}

// Fit trains r on the rows of x by stochastic gradient ascent on the
// log-likelihood, whose gradient is a difference of correlations,
//
//	∂ log p(v)/∂W_ij = ⟨v_i h_j⟩_data − ⟨v_i h_j⟩_model,
//
// with the data term exact (h replaced by p(h|v)) and the model term
// estimated by Method. It returns the per-epoch records; an error for bad
// settings or data, or a failing optimizer, comes with the records so far.
func (r *RBM) Fit(x [][]float64, cfg RBMTraining, rng *rand.Rand) ([]RBMEpoch, error) {
	cfg.defaults()
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if len(x) == 0 {
		return nil, errors.New("classical: RBM training needs samples")
	}
	for _, v := range x {
		if err := r.checkVisible(v); err != nil {
			return nil, err
		}
	}
	if cfg.Method == PT && r.Gaussian {
		return nil, errors.New("classical: parallel tempering needs Bernoulli visibles (a Gaussian at β → 0 has no finite variance)")
	}
	t := newRBMTrainer(r, cfg, rng)
	step := func(batch []int) error { return t.step(x, batch) }
	record := func(e int, seconds float64) (RBMEpoch, error) {
		ep := RBMEpoch{Epoch: e, NLL: math.NaN(), LogZ: math.NaN(), Reconstruction: math.NaN(), Swaps: math.NaN(), Seconds: seconds}
		if cfg.Method == PT {
			ep.Swaps = t.pt.acceptance()
		}
		if cfg.NLL {
			var err error
			if ep.NLL, ep.LogZ, err = exactNLL(x, r.ExactLogZ, r.LogLikelihood); err != nil {
				return ep, err
			}
		}
		if cfg.Reconstruction {
			ep.Reconstruction = r.ReconstructionError(x)
		}
		return ep, nil
	}
	f := boltzmannFit[RBMEpoch]{model: "RBM", epochs: cfg.Epochs, batchSize: cfg.BatchSize,
		step: step, onBatch: cfg.OnBatch, record: record, onEpoch: cfg.OnEpoch}
	return f.run(len(x), rng)
}

// rbmTrainer holds the buffers and chains of one Fit.
type rbmTrainer struct {
	r   *RBM
	cfg RBMTraining
	rng *rand.Rand
	// vs and hs hold the data batch (first BatchSize rows) followed by the
	// negative-phase chains: v0, h0 = p(h|v0) and vn, hn are views, so
	// that one sparse product per visible unit accumulates both phases.
	vs, hs         []float64
	v0, h0, vn, hn []float64
	// chainH holds the PCD chains' binary hidden states.
	chainH []float64
	pt     *tempering
	grad   []float64
	wt     []float64
	sp     sparseRow
}

func newRBMTrainer(r *RBM, cfg RBMTraining, rng *rand.Rand) *rbmTrainer {
	nv, nh, b := r.Visible, r.Hidden, cfg.BatchSize
	chains := b
	if cfg.Method != CD {
		chains = cfg.Chains
	}
	t := &rbmTrainer{r: r, cfg: cfg, rng: rng,
		vs: make([]float64, (b+chains)*nv), hs: make([]float64, (b+chains)*nh),
		wt: make([]float64, nv*nh)}
	t.v0, t.vn = t.vs[:b*nv], t.vs[b*nv:]
	t.h0, t.hn = t.hs[:b*nh], t.hs[b*nh:]
	switch cfg.Method {
	case PCD:
		// Chains start at zero hidden states, as scikit-learn's do.
		t.chainH = make([]float64, chains*nh)
	case PT:
		t.pt = newTempering(r, chains, cfg.Temperatures, rng)
	}
	if cfg.Optimizer != nil {
		t.grad = make([]float64, len(r.Theta))
	}
	return t
}

// step performs one update on the samples batch of x.
func (t *rbmTrainer) step(x [][]float64, batch []int) error {
	r, nv := t.r, t.r.Visible
	n := len(batch)
	for s, i := range batch {
		copy(t.v0[s*nv:(s+1)*nv], x[i])
	}
	r.hiddenBatch(t.v0, n, 1, t.h0, &t.sp)
	chains := t.negativePhase(n)
	// Ascend with η/n on the data term and η/chains on the model term, or
	// collect the NLL gradient (the negated difference) for the optimizer.
	posScale, negScale := 1/float64(n), -1/float64(chains)
	target := r.Theta
	if t.cfg.Optimizer == nil {
		posScale *= t.cfg.LearningRate
		negScale *= t.cfg.LearningRate
		if t.cfg.WeightDecay > 0 {
			scale(1-t.cfg.LearningRate*t.cfg.WeightDecay, r.W)
		}
	} else {
		target = t.grad
		clear(target)
		posScale, negScale = -posScale, -negScale
	}
	t.correlate(n, chains, posScale, negScale, target)
	if t.cfg.Optimizer == nil {
		return nil
	}
	if t.cfg.WeightDecay > 0 {
		axpy(t.cfg.WeightDecay, r.W, t.grad[:len(r.W)])
	}
	return t.cfg.Optimizer.Step(r.Theta, math.NaN(), t.grad)
}

// negativePhase fills t.vn and t.hn with the model samples of the method
// and returns how many chains they hold.
func (t *rbmTrainer) negativePhase(n int) int {
	r, nv, nh := t.r, t.r.Visible, t.r.Hidden
	wt := r.transposeW(t.wt)
	switch t.cfg.Method {
	case CD:
		vn, hn := t.vn[:n*nv], t.hn[:n*nh]
		copy(hn, t.h0[:n*nh])
		for range t.cfg.K {
			sampleBinary(hn, t.rng)
			r.visibleBatch(hn, n, 1, vn, wt, &t.sp)
			r.sampleVisible(vn, 1, t.rng)
			r.hiddenBatch(vn, n, 1, hn, &t.sp)
		}
		return n
	case PCD:
		c := t.cfg.Chains
		copy(t.hn, t.chainH)
		for k := range t.cfg.K {
			if k > 0 {
				sampleBinary(t.hn, t.rng)
			}
			r.visibleBatch(t.hn, c, 1, t.vn, wt, &t.sp)
			r.sampleVisible(t.vn, 1, t.rng)
			r.hiddenBatch(t.vn, c, 1, t.hn, &t.sp)
		}
		// The chains continue from a sample of the last hidden layer;
		// the statistics use its probabilities.
		copy(t.chainH, t.hn)
		sampleBinary(t.chainH, t.rng)
		return c
	default:
		t.pt.run(t.cfg.K, t.vn, t.hn, wt)
		return t.cfg.Chains
	}
}

// correlate adds pos·Σ v h over the n data rows and neg·Σ v h over the
// chains to the W part of target, and the matching sums of v and h to its
// b and c parts. For each visible unit one sparse product gathers the
// hidden rows of every sample (data and chain) with that unit on, so each
// row of W is loaded and stored once per update.
func (t *rbmTrainer) correlate(n, chains int, pos, neg float64, target []float64) {
	nv, nh := t.r.Visible, t.r.Hidden
	b := t.cfg.BatchSize
	nw := nv * nh
	gw, gb, gc := target[:nw], target[nw:nw+nv], target[nw+nv:]
	rows := make([]int32, 0, n+chains)
	for s := range n {
		rows = append(rows, int32(s))
	}
	for s := range chains {
		rows = append(rows, int32(b+s))
	}
	sp := &t.sp
	if cap(sp.idx) < len(rows) {
		sp.idx, sp.vals = make([]int32, len(rows)), make([]float64, len(rows))
	}
	for i := range nv {
		var sum float64
		idx, vals := sp.idx[:len(rows)], sp.vals[:len(rows)]
		m := 0
		for k, s := range rows {
			vi := t.vs[int(s)*nv+i]
			a := pos * vi
			if k >= n {
				a = neg * vi
			}
			idx[m], vals[m] = s, a
			m += nonZero(vi)
			sum += a
		}
		gemvIdx(gw[i*nh:(i+1)*nh], t.hs, nh, idx[:m], vals[:m])
		gb[i] += sum
	}
	sp.vals = sp.vals[:0]
	for k := range rows {
		if k < n {
			sp.vals = append(sp.vals, pos)
		} else {
			sp.vals = append(sp.vals, neg)
		}
	}
	gemvIdx(gc, t.hs, nh, rows, sp.vals)
}

// scale multiplies x by a in place.
func scale(a float64, x []float64) {
	for i := range x {
		x[i] *= a
	}
}
