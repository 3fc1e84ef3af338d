package bench

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/qmlgo/qml/spec"
)

// RunOptions control RunModels.
type RunOptions struct {
	// Jobs is how many runs train at once (≥ 1; 0 means 1).
	Jobs int
	// Skip reports cells to leave out (those a resumed suite finished).
	Skip func(Cell) bool
	// OnStart is called when a run starts, from its own goroutine.
	OnStart func(Cell)
	// OnDone is called with each finished run's record, one call at a time
	// from RunModels' goroutine, in the order runs finish; the caller
	// appends it to bench.json there. An error from it stops the suite.
	OnDone func(Record) error
}

// RunModels trains every cell (that Skip leaves) on up to Jobs goroutines
// and hands each record to OnDone as its run ends. A model that fails —
// a bad combination of spec and data, a training error, even a panic —
// becomes a record with its Error, and the rest of the suite still runs.
//
// When ctx is cancelled RunModels returns ctx.Err() at once without
// waiting: runs still training finish in the background and their results
// are dropped, so every record OnDone received is complete (the process
// exiting soon after is the intended use: SIGINT in qml bench).
func RunModels(ctx context.Context, s *Suite, cells []Cell, opts RunOptions) error {
	var todo []Cell
	for _, c := range cells {
		if opts.Skip == nil || !opts.Skip(c) {
			todo = append(todo, c)
		}
	}
	jobs := max(opts.Jobs, 1)
	work := make(chan Cell)
	// done is large enough that no worker ever blocks on it, even after
	// RunModels has returned.
	done := make(chan Record, len(todo))
	stop := make(chan struct{})
	defer close(stop)
	for range min(jobs, len(todo)) {
		go func() {
			for c := range work {
				if opts.OnStart != nil {
					opts.OnStart(c)
				}
				done <- RunCell(s, c)
			}
		}()
	}
	go func() {
		defer close(work)
		for _, c := range todo {
			select {
			case work <- c:
			case <-stop:
				return
			case <-ctx.Done():
				return
			}
		}
	}()
	for range todo {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case r := <-done:
			if err := ctx.Err(); err != nil {
				return err // cancelled while this run finished: drop it
			}
			if opts.OnDone != nil {
				if err := opts.OnDone(r); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// RunCell trains one cell of the suite as `qml train` would train its spec
// — spec.BuildSplit, Trainer.Fit, Trainer.Final — with the data drawn and
// split by the suite's split seed and the model's random choices by the
// cell's seed. Every failure, a panic included, is the record's Error.
func RunCell(s *Suite, c Cell) (rec Record) {
	rec = Record{Cell: c}
	defer func() {
		if p := recover(); p != nil {
			rec.Error = fmt.Sprintf("panic: %v\n%s", p, debug.Stack())
		}
	}()
	if m := s.model(c.Model); m != nil {
		rec.Kind, rec.Classical = m.Kind, m.Classical()
	}
	sp, err := s.Spec(c.Dataset, c.Model, c.Seed)
	if err != nil {
		rec.Error = err.Error()
		return rec
	}
	rec.Kind, rec.Describe = sp.Model.Kind, sp.Model.Describe()
	if sp.Model.Kind == "vqc" {
		rec.Backend = sp.Backend
	}
	run, err := spec.BuildSplit(sp, s.SplitSeed)
	if err != nil {
		rec.Error = err.Error()
		return rec
	}
	rec.Parameters = run.Trainer.NumParams()
	if d := run.Data; d != nil {
		rec.DatasetSHA256, rec.Train, rec.Test = d.SHA256, d.Train.Len(), d.Test.Len()
	}
	start := time.Now()
	hist, err := run.Trainer.Fit(spec.FitOptions{})
	rec.WallSeconds = time.Since(start).Seconds()
	if err != nil {
		rec.Error = fmt.Sprintf("training: %v", err)
		return rec
	}
	rec.Epochs, rec.CircuitEvaluations = len(hist.Epochs), hist.CircuitEvaluations
	if rec.Final, err = run.Trainer.Final(); err != nil {
		rec.Error = fmt.Sprintf("final evaluation: %v", err)
	}
	return rec
}
