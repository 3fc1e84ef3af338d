package spec

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"

	"github.com/qmlgo/qml/vqc"
)

// samplesFile is the grid of a generative model's samples, written beside
// model.json.
const samplesFile = "samples.png"

// sampleStats records, for binary samples, the fraction that equal a data
// pattern (sample_valid) and how many distinct data patterns the samples
// hit (sample_patterns, of data_patterns distinct ones): the
// bars-and-stripes checks of a Born machine or RBM.
func sampleStats(final map[string]float64, samples, data [][]float64) {
	key := func(v []float64) string {
		var b strings.Builder
		for _, x := range v {
			b.WriteByte('0' + byte(x))
		}
		return b.String()
	}
	patterns := map[string]bool{}
	for _, v := range data {
		patterns[key(v)] = false
	}
	valid := 0
	for _, v := range samples {
		k := key(v)
		if _, ok := patterns[k]; ok {
			valid++
			patterns[k] = true
		}
	}
	hit := 0
	for _, seen := range patterns {
		if seen {
			hit++
		}
	}
	final["sample_valid"] = float64(valid) / float64(len(samples))
	final["sample_patterns"] = float64(hit)
	final["data_patterns"] = float64(len(patterns))
}

// imageShape returns the rows and columns of a sample with n features: the
// bars-and-stripes shape, a square side, or one row.
func imageShape(s *Spec, n int) (int, int) {
	if d := s.Data; d != nil && len(d.Shape) == 2 && d.Shape[0]*d.Shape[1] == n {
		return d.Shape[0], d.Shape[1]
	}
	if side := int(math.Round(math.Sqrt(float64(n)))); side*side == n {
		return side, side
	}
	return 1, n
}

// writeSampleGrid draws up to 64 samples as grey images (black 0, white
// the largest value) in an 8-wide grid, each pixel 8×8 screen pixels with
// one-pixel gaps, and writes the PNG atomically. Nothing is written
// without samples.
func writeSampleGrid(path string, samples [][]float64, s *Spec, n int) error {
	if len(samples) == 0 {
		return nil
	}
	samples = samples[:min(len(samples), 64)]
	rows, cols := imageShape(s, n)
	const zoom, gap, across = 8, 2, 8
	down := (len(samples) + across - 1) / across
	tw, th := cols*zoom+gap, rows*zoom+gap
	img := image.NewGray(image.Rect(0, 0, across*tw+gap, down*th+gap))
	for i := range img.Pix {
		img.Pix[i] = 128
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range samples {
		for _, x := range v {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	if hi <= lo {
		hi = lo + 1
	}
	for k, v := range samples {
		x0, y0 := gap+(k%across)*tw, gap+(k/across)*th
		for p, x := range v {
			g := uint8(math.Round(255 * (x - lo) / (hi - lo)))
			r, c := p/cols, p%cols
			for dy := range zoom {
				for dx := range zoom {
					img.SetGray(x0+c*zoom+dx, y0+r*zoom+dy, color.Gray{Y: g})
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return fmt.Errorf("samples: %w", err)
	}
	return vqc.WriteFileAtomic(path, buf.Bytes())
}
