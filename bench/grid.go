package bench

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Cell is one run of a suite: a model trained with one seed on one
// dataset.
type Cell struct {
	Dataset string `json:"dataset"`
	Model   string `json:"model"`
	Seed    uint64 `json:"seed"`
}

// ID names the cell uniquely within its suite, e.g. "iris/mlp/3".
func (c Cell) ID() string { return fmt.Sprintf("%s/%s/%d", c.Dataset, c.Model, c.Seed) }

// Grid returns every run of the suite in a fixed order: datasets in file
// order, then models in file order, then seeds.
func (s *Suite) Grid() []Cell {
	var out []Cell
	for _, d := range s.Datasets {
		for _, m := range s.Models {
			if !slices.Contains(m.Datasets, d) {
				continue
			}
			for _, seed := range s.Seeds {
				out = append(out, Cell{Dataset: d, Model: m.Name, Seed: seed})
			}
		}
	}
	return out
}

// Shard is the part i of n (0 ≤ i < n) of a grid a run takes.
type Shard struct{ Index, Count int }

// String writes the shard as "i/n", the --shard flag's form.
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// ParseShard reads "i/n" with 0 ≤ i < n.
func ParseShard(text string) (Shard, error) {
	a, b, ok := strings.Cut(text, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
		return Shard{}, fmt.Errorf("shard %q: want i/n with 0 ≤ i < n, e.g. 0/3", text)
	}
	return Shard{Index: i, Count: n}, nil
}

// ShardOf returns the cells of grid that shard sh takes: every Count-th
// cell starting at Index. The n shards of a grid are disjoint, cover it,
// and differ in size by at most one cell; interleaving spreads each
// dataset's slow models over the shards. The zero Shard takes everything.
func ShardOf(grid []Cell, sh Shard) []Cell {
	if sh.Count <= 1 {
		return grid
	}
	var out []Cell
	for i := sh.Index; i < len(grid); i += sh.Count {
		out = append(out, grid[i])
	}
	return out
}
