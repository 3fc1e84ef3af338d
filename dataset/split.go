package dataset

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// StratifiedSplit splits d into a training and a test set. For a labelled
// dataset each class is split on its own: round(testFrac·count) of its
// samples, chosen at random with rng, go to test and the rest to train, so
// both parts keep the class proportions up to rounding. Without labels the
// samples are split the same way as one group. Both parts keep d's sample
// order (shuffle them, or iterate with a Batcher, for training) and are deep
// copies. testFrac must lie in (0, 1) and both parts must be non-empty.
func StratifiedSplit(d *Dataset, testFrac float64, rng *rand.Rand) (train, test *Dataset, err error) {
	parts, err := split(d, []float64{testFrac}, []string{"train", "test"}, rng)
	if err != nil {
		return nil, nil, err
	}
	return parts[0], parts[1], nil
}

// TrainValTestSplit is StratifiedSplit into three parts: per class,
// round(testFrac·count) samples go to test, then round(valFrac·count) (or
// what is left) to validation, and the rest to train. The fractions must be
// positive with valFrac + testFrac < 1, and every part must be non-empty.
func TrainValTestSplit(d *Dataset, valFrac, testFrac float64, rng *rand.Rand) (train, val, test *Dataset, err error) {
	parts, err := split(d, []float64{testFrac, valFrac}, []string{"train", "test", "validation"}, rng)
	if err != nil {
		return nil, nil, nil, err
	}
	return parts[0], parts[2], parts[1], nil
}

// split returns the remainder part followed by one part per fraction; names
// names all parts for errors.
func split(d *Dataset, fracs []float64, names []string, rng *rand.Rand) ([]*Dataset, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if rng == nil {
		return nil, fmt.Errorf("dataset %q: split needs a random generator", d.Name)
	}
	total := 0.0
	for _, f := range fracs {
		if !(f > 0 && f < 1) {
			return nil, fmt.Errorf("dataset %q: split fraction %v outside (0, 1)", d.Name, f)
		}
		total += f
	}
	if total >= 1 {
		return nil, fmt.Errorf("dataset %q: split fractions sum to %v, want < 1", d.Name, total)
	}
	idx := make([][]int, len(fracs)+1)
	for _, group := range groups(d) {
		rng.Shuffle(len(group), func(i, j int) { group[i], group[j] = group[j], group[i] })
		count := float64(len(group))
		for p, f := range fracs {
			k := min(int(math.Round(f*count)), len(group))
			idx[p+1] = append(idx[p+1], group[:k]...)
			group = group[k:]
		}
		idx[0] = append(idx[0], group...)
	}
	parts := make([]*Dataset, len(idx))
	for p, ix := range idx {
		if len(ix) == 0 {
			return nil, fmt.Errorf("dataset %q: %s part of the split is empty (%d samples)", d.Name, names[p], d.Len())
		}
		slices.Sort(ix)
		parts[p], _ = d.Subset(ix) // indices come from d
	}
	return parts, nil
}

// groups returns the sample indices of each class, or all indices as one
// group when d has no labels.
func groups(d *Dataset) [][]int {
	if d.Y == nil {
		g := make([]int, d.Len())
		for i := range g {
			g[i] = i
		}
		return [][]int{g}
	}
	g := make([][]int, d.NumClasses)
	for i, c := range d.Y {
		g[c] = append(g[c], i)
	}
	return g
}
