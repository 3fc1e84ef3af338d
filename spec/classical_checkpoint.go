package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"

	"github.com/qmlgo/qml/optim"
	"github.com/qmlgo/qml/vqc"
)

// classicalCheckpointFormat identifies the checkpoint of an epoch-trained
// classical model.
const classicalCheckpointFormat = "qml-classical-checkpoint/1"

// classicalCheckpoint is what a classical trainer writes after every
// epoch: with it a resumed run continues from the next epoch with the
// model, the optimizer and the random stream as they were, so it deals the
// same mini-batches an uninterrupted run would have.
type classicalCheckpoint struct {
	Format string `json:"format"`
	Kind   string `json:"kind"`
	// Config is the model section the run was started with.
	Config json.RawMessage `json:"config"`
	Epochs []Epoch         `json:"epochs"`
	// Model is the model after the last epoch.
	Model json.RawMessage `json:"model"`
	// Optimizer is the optimizer's State; absent for models trained
	// without one.
	Optimizer json.RawMessage `json:"optimizer,omitempty"`
	// RNG is the model stream's PCG state (rand.PCG.MarshalBinary).
	RNG []byte `json:"rng,omitempty"`
	// Extra holds what else a kind carries between epochs (a DBM's
	// persistent chains).
	Extra json.RawMessage `json:"extra,omitempty"`
}

// classicalStream is a classical trainer's random stream with its source
// kept, so that checkpoints can save and restore its state.
type classicalStream struct {
	src *rand.PCG
	rng *rand.Rand
}

// newClassicalStream returns the model stream of a run's seed (the same
// numbers as classicalRNG).
func newClassicalStream(s *Spec) classicalStream {
	src := rand.NewPCG(s.Seed, streamModel)
	return classicalStream{src: src, rng: rand.New(src)}
}

// checkpointer writes a run's classical checkpoints; a trainer that draws
// no random numbers leaves stream empty.
type checkpointer struct {
	path   string
	run    *Run
	stream classicalStream
}

// write saves one checkpoint atomically; opt and extra may be nil. Nothing
// is written without a path.
func (c checkpointer) write(epochs []Epoch, model any, opt optim.Optimizer, extra any) error {
	if c.path == "" {
		return nil
	}
	cp := classicalCheckpoint{Format: classicalCheckpointFormat, Kind: c.run.Spec.Model.Kind, Epochs: epochs}
	var err error
	if cp.Config, err = json.Marshal(c.run.Spec.Model.Config); err != nil {
		return err
	}
	if cp.Model, err = json.Marshal(model); err != nil {
		return err
	}
	if opt != nil {
		if cp.Optimizer, err = opt.State(); err != nil {
			return err
		}
	}
	if extra != nil {
		if cp.Extra, err = json.Marshal(extra); err != nil {
			return err
		}
	}
	if c.stream.src != nil {
		if cp.RNG, err = c.stream.src.MarshalBinary(); err != nil {
			return err
		}
	}
	data, err := json.Marshal(cp)
	if err != nil {
		return err
	}
	if err := vqc.WriteFileAtomic(c.path, data); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

// resume reads the checkpoint, checks that it belongs to this run's model
// section, decodes the model into model and restores the optimizer (if
// non-nil) and the random stream. It returns the checkpoint for the
// epochs and any extra state.
func (c checkpointer) resume(model any, opt optim.Optimizer) (*classicalCheckpoint, error) {
	data, err := os.ReadFile(c.path)
	if err != nil {
		return nil, err
	}
	var cp classicalCheckpoint
	if err := json.Unmarshal(data, &cp); err != nil {
		return nil, fmt.Errorf("%s: %w", c.path, err)
	}
	if cp.Format != classicalCheckpointFormat {
		return nil, fmt.Errorf("%s: format %q, want %q (a checkpoint of a %s run)", c.path, cp.Format, classicalCheckpointFormat, c.run.Spec.Model.Kind)
	}
	want, err := json.Marshal(c.run.Spec.Model.Config)
	if err != nil {
		return nil, err
	}
	if cp.Kind != c.run.Spec.Model.Kind || !bytes.Equal(want, cp.Config) {
		return nil, fmt.Errorf("%s holds a %s model %s; the spec builds %s %s", c.path, cp.Kind, cp.Config, c.run.Spec.Model.Kind, want)
	}
	if err := json.Unmarshal(cp.Model, model); err != nil {
		return nil, fmt.Errorf("%s: model: %w", c.path, err)
	}
	if opt != nil && len(cp.Optimizer) > 0 {
		if err := opt.SetState(cp.Optimizer); err != nil {
			return nil, fmt.Errorf("%s: optimizer state: %w", c.path, err)
		}
	}
	if c.stream.src != nil {
		if err := c.stream.src.UnmarshalBinary(cp.RNG); err != nil {
			return nil, fmt.Errorf("%s: random stream: %w", c.path, err)
		}
	}
	return &cp, nil
}

// remaining returns how many of the spec's epochs a run that has done
// done epochs still has to train.
func remaining(s *Spec, done int) int { return max(s.Train.Epochs-done, 0) }

// epochLog is the epoch bookkeeping every epoch-trained classical Fit
// shares: each record is appended to the epochs so far (a resumed run's
// first), checkpointed with the model (and optimizer and extra state), and
// passed to FitOptions.OnEpoch; the first error of a checkpoint or of an
// epoch's own measurement is kept, so that training goes on and Fit
// returns it at the end.
type epochLog struct {
	cp      checkpointer
	onEpoch func(Epoch)
	// model, opt and extra are what every checkpoint holds.
	model, extra any
	opt          optim.Optimizer
	epochs       []Epoch
	failed       error
}

// fail keeps err if it is the first.
func (l *epochLog) fail(err error) {
	if err != nil && l.failed == nil {
		l.failed = err
	}
}

// add records one epoch.
func (l *epochLog) add(e Epoch) {
	l.epochs = append(l.epochs, e)
	l.fail(l.cp.write(l.epochs, l.model, l.opt, l.extra))
	if l.onEpoch != nil {
		l.onEpoch(e)
	}
}

// history returns the epochs and the training error, else the first kept
// one.
func (l *epochLog) history(err error) (*History, error) {
	if err == nil {
		err = l.failed
	}
	return historyOf(l.epochs), err
}
