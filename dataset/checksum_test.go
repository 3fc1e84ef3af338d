package dataset

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"testing"
)

// TestSHA256Layout rebuilds the documented byte layout independently with
// encoding/binary.Write and compares digests.
func TestSHA256Layout(t *testing.T) {
	d := &Dataset{
		X:          [][]float64{{1.5, -2}, {0, 3.25}},
		Y:          []int{1, 0},
		Targets:    []float64{0.1, -7},
		NumClasses: 2,
	}
	var b bytes.Buffer
	le := binary.LittleEndian
	binary.Write(&b, le, []uint64{2, 2})
	binary.Write(&b, le, []float64{1.5, -2, 0, 3.25})
	b.WriteByte('Y')
	binary.Write(&b, le, []uint64{2})
	binary.Write(&b, le, []int64{1, 0})
	b.WriteByte('T')
	binary.Write(&b, le, []float64{0.1, -7})
	sum := sha256.Sum256(b.Bytes())
	if got, want := d.SHA256(), hex.EncodeToString(sum[:]); got != want {
		t.Fatalf("SHA256 = %s, want %s", got, want)
	}
}

func TestSHA256Sensitivity(t *testing.T) {
	base := &Dataset{Name: "a", X: [][]float64{{1, 2}, {3, 4}}, Y: []int{0, 1}, NumClasses: 2}
	ref := base.SHA256()
	renamed := base.Clone()
	renamed.Name, renamed.FeatureNames = "b", []string{"u", "v"}
	if renamed.SHA256() != ref {
		t.Error("names changed the checksum")
	}
	edits := map[string]func(d *Dataset){
		"value":      func(d *Dataset) { d.X[1][1] = 4.000000001 },
		"label":      func(d *Dataset) { d.Y[0] = 1 },
		"order":      func(d *Dataset) { d.X[0], d.X[1] = d.X[1], d.X[0]; d.Y[0], d.Y[1] = d.Y[1], d.Y[0] },
		"classes":    func(d *Dataset) { d.NumClasses = 3 },
		"no labels":  func(d *Dataset) { d.Y, d.NumClasses = nil, 0 },
		"shape":      func(d *Dataset) { d.X = [][]float64{{1, 2, 3, 4}}; d.Y = []int{0} },
		"add target": func(d *Dataset) { d.Targets = []float64{0, 0} },
	}
	for name, edit := range edits {
		d := base.Clone()
		edit(d)
		if d.SHA256() == ref {
			t.Errorf("%s: checksum unchanged", name)
		}
	}
}

func TestSHA256NegativeZero(t *testing.T) {
	a := &Dataset{X: [][]float64{{0}}}
	b := &Dataset{X: [][]float64{{math.Copysign(0, -1)}}}
	if a.SHA256() == b.SHA256() {
		t.Error("0 and -0 hash alike, documentation says they differ")
	}
}
