package classical

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"github.com/qmlgo/qml/optim"
)

// DBMPretraining configures DBM.Pretrain.
type DBMPretraining struct {
	// RBM trains every layer's RBM (RBM.Fit). Its Optimizer must be nil:
	// each RBM steps by plain SGD at RBM.LearningRate, with the doubled
	// copies of a unit tied. NLL is ignored (a doubled RBM's likelihood
	// is not the DBM's) and OnEpoch is replaced by the one below.
	RBM RBMTraining
	// OnEpoch, if set, is called after every epoch of every layer's RBM;
	// layer 1 is the bottom one.
	OnEpoch func(layer int, e RBMEpoch)
}

// Pretrain initialises d greedily, layer by layer, with RBMs (Salakhutdinov
// and Hinton, AISTATS 2009, §3.1; Neural Comput. 24, 1967 (2012), §3).
// Stacking plain RBMs would count the evidence a hidden layer gets twice
// once the layers are joined (from below and from above), so each RBM is
// trained with the layer that will later gain a second neighbour doubled:
//
//   - bottom (v → h_1): an RBM on the input twice, [v, v], with the two
//     copies' weights and biases tied, so p(h_1|v) = σ(c + 2W_1ᵀv) while
//     p(v|h_1) = σ(b + W_1h_1);
//   - middle (h_{l−1} → h_l): a plain RBM, whose weights are halved when
//     it joins the DBM (it saw the evidence of both directions doubled);
//   - top (h_{L−1} → h_L): an RBM with the hidden layer twice, tied, so
//     p(h_{L−1}|h_L) = σ(b + 2W_Lh_L).
//
// Each RBM trains on the previous one's hidden probabilities. In the
// assembled DBM a hidden layer below the top takes the mean of its bias as
// the hidden layer of one RBM and as the visible layer of the next. Ties
// are kept exact by stepping the tied pair with the sum of their gradients
// (the gradient of the shared parameter).
func (d *DBM) Pretrain(x [][]float64, cfg DBMPretraining, rng *rand.Rand) error {
	rc := cfg.RBM
	if rc.Optimizer != nil {
		return errors.New("classical: DBM pre-training steps each RBM by SGD at RBM.LearningRate; leave RBM.Optimizer nil")
	}
	rc.defaults()
	if err := rc.check(); err != nil {
		return err
	}
	if err := d.checkData(x); err != nil {
		return err
	}
	L := len(d.Layers) - 1
	data := x
	var hidBias []float64
	for l := 1; l <= L; l++ {
		nIn, nOut := d.Layers[l-1], d.Layers[l]
		r, pairs, in, err := layerRBM(l, L, nIn, nOut, data, rng)
		if err != nil {
			return err
		}
		sgd, err := optim.NewSGD(optim.SGDConfig{LR: rc.LearningRate})
		if err != nil {
			return err
		}
		c := rc
		c.Optimizer, c.NLL = tiedOptimizer{sgd, pairs}, false
		c.OnEpoch = nil
		if cfg.OnEpoch != nil {
			c.OnEpoch = func(e RBMEpoch) { cfg.OnEpoch(l, e) }
		}
		if _, err := r.Fit(in, c, rng); err != nil {
			return fmt.Errorf("classical: pre-training DBM layer %d: %w", l, err)
		}
		switch {
		case l == 1:
			copy(d.W[1], r.W[:nIn*nOut])
			copy(d.B[0], r.B[:nIn])
		case l < L:
			for i, w := range r.W {
				d.W[l][i] = w / 2
			}
		default:
			for i := range nIn {
				copy(d.W[L][i*nOut:(i+1)*nOut], r.W[i*2*nOut:i*2*nOut+nOut])
			}
		}
		if l > 1 {
			for j := range hidBias {
				d.B[l-1][j] = (hidBias[j] + r.B[j]) / 2
			}
		}
		hidBias = r.C[:nOut]
		if l == L {
			copy(d.B[L], hidBias)
			break
		}
		if data, err = r.Transform(in); err != nil {
			return err
		}
	}
	return nil
}

// layerRBM returns the RBM that pre-trains DBM layer l of L (nIn → nOut
// units), the pairs of its parameters (indices into Theta) that are tied,
// tied already, and its training input (data, or data doubled at the
// bottom).
func layerRBM(l, L, nIn, nOut int, data [][]float64, rng *rand.Rand) (*RBM, [][2]int, [][]float64, error) {
	var r *RBM
	var err error
	var pairs [][2]int
	in := data
	switch {
	case l == 1:
		if r, err = NewRBM(2*nIn, nOut, false, rng); err != nil {
			return nil, nil, nil, err
		}
		nw := 2 * nIn * nOut
		for i := range nIn {
			for j := range nOut {
				pairs = append(pairs, [2]int{i*nOut + j, (i+nIn)*nOut + j})
			}
			pairs = append(pairs, [2]int{nw + i, nw + nIn + i})
		}
		in = make([][]float64, len(data))
		for s, v := range data {
			in[s] = append(append(make([]float64, 0, 2*nIn), v...), v...)
		}
	case l == L:
		if r, err = NewRBM(nIn, 2*nOut, false, rng); err != nil {
			return nil, nil, nil, err
		}
		nw := nIn * 2 * nOut
		for i := range nIn {
			for j := range nOut {
				pairs = append(pairs, [2]int{i*2*nOut + j, i*2*nOut + nOut + j})
			}
		}
		for j := range nOut {
			pairs = append(pairs, [2]int{nw + nIn + j, nw + nIn + nOut + j})
		}
	default:
		if r, err = NewRBM(nIn, nOut, false, rng); err != nil {
			return nil, nil, nil, err
		}
	}
	for _, p := range pairs {
		r.Theta[p[1]] = r.Theta[p[0]]
	}
	return r, pairs, in, nil
}

// tiedOptimizer steps an optimizer with the gradients of each tied pair of
// parameters replaced by their sum, the gradient of the one parameter
// they share, so the pair stays equal.
type tiedOptimizer struct {
	optim.Optimizer
	pairs [][2]int
}

// Step implements optim.Optimizer.
func (t tiedOptimizer) Step(x []float64, loss float64, grad []float64) error {
	for _, p := range t.pairs {
		s := grad[p[0]] + grad[p[1]]
		grad[p[0]], grad[p[1]] = s, s
	}
	return t.Optimizer.Step(x, loss, grad)
}
