package classical

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/qmlgo/qml/optim"
)

// DBMTraining configures DBM.Fit. Zero fields take the defaults in
// brackets.
type DBMTraining struct {
	// K is the number of block-Gibbs sweeps of the persistent chains per
	// update [1].
	K int
	// Epochs is the number of passes over the data (≥ 1).
	Epochs int
	// BatchSize is the mini-batch size [10].
	BatchSize int
	// LearningRate is the step of plain stochastic gradient ascent [0.01];
	// used when Optimizer is nil.
	LearningRate float64
	// Optimizer, if non-nil, steps on the gradient of the negative
	// log-likelihood estimate instead.
	Optimizer optim.Optimizer
	// WeightDecay is an L2 penalty λ on the weights.
	WeightDecay float64
	// Chains is the number of persistent chains [100]; ignored when
	// Persistent is set.
	Chains int
	// Persistent, if non-nil, holds the chains to continue (a resumed
	// run's); Fit updates them in place, so after any epoch they are the
	// chains the next epoch starts from. Nil starts Chains random chains.
	Persistent *DBMChains
	// MeanField configures the data-dependent term [10 sweeps, tolerance
	// 1e-6].
	MeanField MeanFieldConfig
	// NLL, when set, records the exact negative log-likelihood of the
	// training data after every epoch (small models: see ExactLogZ).
	NLL bool
	// Reconstruction, when set, records the reconstruction error after
	// every epoch.
	Reconstruction bool
	// OnEpoch and OnBatch, if set, are called after every epoch and every
	// update.
	OnEpoch func(DBMEpoch)
	OnBatch func(epoch, batch, batches int)
}

// DBMEpoch records one epoch of DBM training; metrics that were not asked
// for are NaN.
type DBMEpoch struct {
	Epoch int
	// NLL is the exact mean negative log-likelihood of the training data.
	NLL float64
	// LogZ is the exact log partition function behind NLL, so that other
	// data can be scored without summing it again.
	LogZ float64
	// Reconstruction is the mean squared reconstruction error.
	Reconstruction float64
	// MeanFieldSweeps is the mean number of mean-field sweeps per sample.
	MeanFieldSweeps float64
	Seconds         float64
}

func (c *DBMTraining) defaults() {
	setDefault(&c.K, 1)
	setDefault(&c.BatchSize, 10)
	setDefault(&c.LearningRate, 0.01)
	setDefault(&c.Chains, 100)
	setDefault(&c.MeanField.MaxIter, 10)
	c.MeanField.defaults()
}

func (c *DBMTraining) check() error {
	if c.K < 1 || c.Epochs < 1 || c.BatchSize < 1 || c.Chains < 1 {
		return fmt.Errorf("classical: DBM training with k=%d, %d epochs, batch %d, %d chains; want ≥ 1", c.K, c.Epochs, c.BatchSize, c.Chains)
	}
	if err := checkStep("DBM", c.LearningRate, c.WeightDecay); err != nil {
		return err
	}
	return c.MeanField.check()
}

// Fit trains d on the binary (or [0, 1]) rows of x by the stochastic
// approximation procedure of Salakhutdinov and Hinton (2009, Algorithm 1):
// each mini-batch update ascends the log-likelihood gradient
//
//	∂ log p(v)/∂W_l = ⟨x_{l−1}x_lᵀ⟩_data − ⟨x_{l−1}x_lᵀ⟩_model
//
// with the data-dependent term from the mean-field posterior of each
// sample (MeanField, which makes it the exact gradient of the variational
// lower bound) and the model term from persistent block-Gibbs chains
// (Tieleman 2008; Younes 1989), K sweeps per update, their even layers
// Rao–Blackwellised. Run Pretrain first: from a random start the chains
// and the mean field both struggle. It returns the per-epoch records; an
// error for bad settings or data, or a failing optimizer, comes with the
// records so far.
func (d *DBM) Fit(x [][]float64, cfg DBMTraining, rng *rand.Rand) ([]DBMEpoch, error) {
	cfg.defaults()
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if err := d.checkData(x); err != nil {
		return nil, err
	}
	chains := cfg.Persistent
	if chains == nil {
		var err error
		if chains, err = d.NewChains(cfg.Chains, rng); err != nil {
			return nil, err
		}
	} else if err := chains.check(d); err != nil {
		return nil, err
	}
	t := &dbmTrainer{d: d, cfg: cfg, rng: rng, chains: chains, probs: d.newBatch(chains.N),
		mu: d.newState(), a: d.newState(), vals: make([][]float64, len(d.Layers)),
		g: make([]float64, len(d.Theta)), acc: make([]float64, len(d.Theta))}
	step := func(batch []int) error { return t.step(x, batch) }
	record := func(e int, seconds float64) (DBMEpoch, error) {
		ep := DBMEpoch{Epoch: e, NLL: math.NaN(), LogZ: math.NaN(), Reconstruction: math.NaN(),
			MeanFieldSweeps: float64(t.sweeps) / float64(len(x)), Seconds: seconds}
		t.sweeps = 0
		if cfg.NLL {
			var err error
			if ep.NLL, ep.LogZ, err = exactNLL(x, d.ExactLogZ, d.ExactLogLikelihood); err != nil {
				return ep, err
			}
		}
		if cfg.Reconstruction {
			ep.Reconstruction = d.ReconstructionError(x, cfg.MeanField)
		}
		return ep, nil
	}
	f := boltzmannFit[DBMEpoch]{model: "DBM", epochs: cfg.Epochs, batchSize: cfg.BatchSize,
		step: step, onBatch: cfg.OnBatch, record: record, onEpoch: cfg.OnEpoch}
	return f.run(len(x), rng)
}

// checkData reports an empty sample set, a sample of the wrong width or a
// value outside [0, 1] (the visible units are binary; values in between
// are read as probabilities).
func (d *DBM) checkData(x [][]float64) error {
	if len(x) == 0 {
		return errors.New("classical: DBM training needs samples")
	}
	for n, v := range x {
		if err := d.checkVisible(v); err != nil {
			return err
		}
		for i, e := range v {
			if !(e >= 0 && e <= 1) {
				return fmt.Errorf("classical: sample %d, feature %d is %v; a DBM's binary units want values in [0, 1]", n, i, e)
			}
		}
	}
	return nil
}

// dbmTrainer holds the chains and buffers of one Fit.
type dbmTrainer struct {
	d      *DBM
	cfg    DBMTraining
	rng    *rand.Rand
	chains *DBMChains
	// probs holds the chains' last even-layer conditional means.
	probs [][]float64
	// mu and a are the mean-field means and inputs of one sample; vals
	// points at one chain's layer values.
	mu, a, vals [][]float64
	// g accumulates the log-likelihood gradient estimate, acc one
	// sample's statistics.
	g, acc []float64
	sweeps int
}

// step performs one update on the samples batch of x.
func (t *dbmTrainer) step(x [][]float64, batch []int) error {
	d := t.d
	clear(t.g)
	t.dataTerm(x, batch, t.g)
	t.modelTerm(t.g)
	if t.cfg.Optimizer == nil {
		lr := t.cfg.LearningRate
		t.decay(-t.cfg.WeightDecay)
		axpy(lr, t.g, d.Theta)
		return nil
	}
	// The optimizer descends the NLL: −g + λW.
	scale(-1, t.g)
	t.decay(t.cfg.WeightDecay)
	return t.cfg.Optimizer.Step(d.Theta, math.NaN(), t.g)
}

// decay adds c·W_l to the weight parts of g (the weights come first in
// Theta, in layer order).
func (t *dbmTrainer) decay(c float64) {
	if c == 0 {
		return
	}
	off := 0
	for l := 1; l < len(t.d.Layers); l++ {
		n := len(t.d.W[l])
		axpy(c, t.d.W[l], t.g[off:off+n])
		off += n
	}
}

// dataTerm adds the mean over the batch of the mean-field statistics
// ⟨x_{l−1}x_lᵀ⟩_q to g.
func (t *dbmTrainer) dataTerm(x [][]float64, batch []int, g []float64) {
	for _, i := range batch {
		t.sweeps += t.d.meanField(x[i], t.mu, t.a, t.cfg.MeanField)
		t.d.sufficientStats(t.mu, t.acc)
		axpy(1/float64(len(batch)), t.acc, g)
	}
}

// modelTerm runs the chains K sweeps and subtracts the mean over them of
// their statistics (odd layers as sampled, even layers as conditional
// means) from g.
func (t *dbmTrainer) modelTerm(g []float64) {
	d, c := t.d, t.chains
	d.gibbs(c, t.cfg.K, t.rng, t.probs)
	for s := range c.N {
		for l := range d.Layers {
			src := c.States
			if l%2 == 0 {
				src = t.probs
			}
			t.vals[l] = d.row(src, l, s)
		}
		d.sufficientStats(t.vals, t.acc)
		axpy(-1/float64(c.N), t.acc, g)
	}
}
