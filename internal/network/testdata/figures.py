"""Compute internal/network's ecosystem figures with NetworkX, for comparison.

Usage: python3 figures.py GRAPHML [PARTITION_JSON]

Reads the GraphML that WriteGraphML wrote and prints one JSON object with the
figures and the seconds each stage took (stages as in network.go). PARTITION_JSON,
when given, lists the communities found in Go; their modularity is computed too.
"""
import json
import sys
import time

import networkx as nx

TOL = 1e-12  # eigenTolerance in centrality.go; NetworkX's default is 1e-6.
MAX_ITER = 10_000  # eigenMaxIter in centrality.go.
SEP = ";"  # AreaSeparator in graphml.go.
SEED = 1


def structure(G, out):
    n, m = G.number_of_nodes(), G.number_of_edges()
    out["n"], out["m"] = n, m
    out["mean_depth"] = sum(w for _, _, w in G.edges(data="weight")) / m if m else None
    out["density"] = nx.density(G)
    comps = [sorted(c) for c in nx.connected_components(G)]
    comps.sort(key=lambda c: (-len(c), c[0]))
    out["components"] = comps
    out["clustering"] = nx.clustering(G)
    out["average_clustering"] = nx.average_clustering(G) if n else None


def communities(G, out, partition):
    if G.number_of_edges() == 0:
        return
    found = nx.community.louvain_communities(G, weight="weight", seed=SEED)
    out["louvain_count"] = len(found)
    out["louvain_modularity"] = nx.community.modularity(G, found, weight="weight")
    if partition is not None:
        sets = [set(c) for c in partition]
        out["partition_modularity"] = nx.community.modularity(G, sets, weight="weight")


def issues(G, out):
    areas = {}
    for v, d in G.nodes(data=True):
        areas[v] = sorted({a for a in (d.get("issue_areas") or "").split(SEP) if a})
    classified = cross = unclassified = 0
    cells = {}
    for u, v, w in G.edges(data="weight"):
        a, b = areas[u], areas[v]
        if not a or not b:
            unclassified += 1
        else:
            classified += 1
            if not set(a) & set(b):
                cross += 1
        for pair in {tuple(sorted((x, y))) for x in a for y in b}:
            cell = cells.setdefault(pair, [0, 0.0])
            cell[0] += 1
            cell[1] += w
    out["cross_issue"] = {"classified": classified, "cross": cross, "unclassified": unclassified}
    out["silo_cells"] = [[x, y, t, s / t] for (x, y), (t, s) in sorted(cells.items())]


def main():
    partition = None
    if len(sys.argv) > 2:
        with open(sys.argv[2]) as f:
            partition = json.load(f)
    times, out = {}, {}
    clock = [time.perf_counter()]

    def lap(stage):
        now = time.perf_counter()
        times[stage] = now - clock[0]
        clock[0] = now

    G = nx.read_graphml(sys.argv[1])
    lap("read")
    structure(G, out)
    lap("structure")
    out["degree"] = nx.degree_centrality(G)
    out["betweenness"] = nx.betweenness_centrality(G)  # normalized=True, unweighted.
    lap("betweenness")
    out["eigenvector"] = nx.eigenvector_centrality(G, max_iter=MAX_ITER, tol=TOL) if len(G) else {}
    lap("eigenvector")
    communities(G, out, partition)
    lap("communities")
    issues(G, out)
    lap("issues")
    out["times"] = times
    out["networkx"] = nx.__version__
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
