package main

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/qmlgo/qml/spec"
)

// progress shows training as it goes: on a terminal a progress bar over all
// optimizer steps whose description carries the epoch, loss and accuracy;
// otherwise (a pipe, a log file, a test) one plain line per epoch.
type progress struct {
	s      *IO
	epochs int
	bar    *progressbar.ProgressBar
	last   string // metrics of the last finished epoch, for the bar
	// lossName is "energy" for a VQE, whose loss is ⟨H⟩.
	lossName string
}

func newProgress(s *IO, epochs int, energy bool) *progress {
	p := &progress{s: s, epochs: epochs, lossName: "loss"}
	if energy {
		p.lossName = "energy"
	}
	return p
}

// batch is the FitOptions.OnBatch hook.
func (p *progress) batch(epoch, batch, batches int, loss float64) {
	if !p.s.IsTerminal {
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(p.epochs*batches,
			progressbar.OptionSetWriter(p.s.Out),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionSetRenderBlankState(true))
	}
	desc := fmt.Sprintf("epoch %d/%d  %s %.4f", epoch, p.epochs, p.lossName, loss)
	if p.last != "" {
		desc += "  │ " + p.last
	}
	p.bar.Describe(desc)
	_ = p.bar.Set((epoch-1)*batches + batch)
}

// epoch is the FitOptions.OnEpoch hook.
func (p *progress) epoch(e spec.Epoch) {
	line := epochLine(e, p.lossName)
	if p.s.IsTerminal {
		p.last = line
		return
	}
	fmt.Fprintf(p.s.Out, "epoch %*d/%d  %s  (%.1fs)\n", len(fmt.Sprint(p.epochs)), e.Epoch, p.epochs, line, e.Seconds)
}

// finish ends the bar's line.
func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		fmt.Fprintln(p.s.Out)
	}
}

// epochLine formats an epoch's metrics, leaving out those the model lacks.
func epochLine(e spec.Epoch, lossName string) string {
	var parts []string
	add := func(name string, v float64, format string) {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			parts = append(parts, fmt.Sprintf("%s "+format, name, v))
		}
	}
	add(lossName, e.TrainLoss, "%.6g")
	add("acc", e.TrainAccuracy, "%.3f")
	add("val_loss", e.ValLoss, "%.4f")
	add("val_acc", e.ValAccuracy, "%.3f")
	return strings.Join(parts, "  ")
}
