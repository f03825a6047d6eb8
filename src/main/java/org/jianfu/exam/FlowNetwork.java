package org.jianfu.exam;

import java.util.Arrays;

/**
 * A flow network with integer capacities and Dinic's maximum flow, arcs in arrays (a city season has a few hundred
 * thousand). Each arc has a tier: {@link #maxFlow(int)} augments only along forward arcs of that tier or below, so the
 * allocator can fill from near before far; the residual (cancelling) side of an arc is always usable. Capacities may be
 * raised between runs: the flow already found stays and the next run augments it, and since an augmenting path never
 * returns to the source, the flow on an arc leaving the source never decreases.
 */
final class FlowNetwork {

    private final int nodes;
    private int[] head;
    private int[] next = new int[1024];
    private int[] to = new int[1024];
    private int[] capacity = new int[1024];
    private int[] flow = new int[1024];
    private byte[] tier = new byte[1024];
    private int arcs;
    private final int[] level;
    private final int[] cursor;
    private final int[] queue;

    FlowNetwork(int nodes) {
        this.nodes = nodes;
        this.head = new int[nodes];
        Arrays.fill(head, -1);
        this.level = new int[nodes];
        this.cursor = new int[nodes];
        this.queue = new int[nodes];
    }

    /** Adds an arc (and its residual twin) and returns its index; {@link #flow(int)} reads what it carries. */
    int arc(int from, int target, int cap, int arcTier) {
        grow();
        var index = arcs;
        add(from, target, cap, arcTier);
        add(target, from, 0, 0);
        return index;
    }

    void raise(int arc, int cap) {
        capacity[arc] = Math.max(capacity[arc], cap);
    }

    int flow(int arc) {
        return flow[arc];
    }

    /** The node an arc leads to; {@code target(arc ^ 1)} is the node it leaves. */
    int target(int arc) {
        return to[arc];
    }

    int capacity(int arc) {
        return capacity[arc];
    }

    int arcCount() {
        return arcs / 2;
    }

    /** Augments the flow from {@code source} to {@code sink} to a maximum using arcs up to {@code maxTier}; returns the gain. */
    long maxFlow(int source, int sink, int maxTier) {
        long gained = 0;
        while (levels(source, sink, maxTier)) {
            System.arraycopy(head, 0, cursor, 0, nodes);
            int pushed;
            while ((pushed = push(source, sink, Integer.MAX_VALUE, maxTier)) > 0) {
                gained += pushed;
            }
        }
        return gained;
    }

    private boolean levels(int source, int sink, int maxTier) {
        Arrays.fill(level, -1);
        int first = 0;
        int last = 0;
        queue[last++] = source;
        level[source] = 0;
        while (first < last) {
            var node = queue[first++];
            for (var a = head[node]; a >= 0; a = next[a]) {
                if (level[to[a]] < 0 && usable(a, maxTier)) {
                    level[to[a]] = level[node] + 1;
                    queue[last++] = to[a];
                }
            }
        }
        return level[sink] >= 0;
    }

    private int push(int node, int sink, int limit, int maxTier) {
        if (node == sink) {
            return limit;
        }
        for (; cursor[node] >= 0; cursor[node] = next[cursor[node]]) {
            var a = cursor[node];
            if (level[to[a]] == level[node] + 1 && usable(a, maxTier)) {
                var pushed = push(to[a], sink, Math.min(limit, capacity[a] - flow[a]), maxTier);
                if (pushed > 0) {
                    flow[a] += pushed;
                    flow[a ^ 1] -= pushed;
                    return pushed;
                }
            }
        }
        return 0;
    }

    private boolean usable(int a, int maxTier) {
        return capacity[a] - flow[a] > 0 && ((a & 1) == 1 || tier[a] <= maxTier);
    }

    private void add(int from, int target, int cap, int arcTier) {
        to[arcs] = target;
        capacity[arcs] = cap;
        tier[arcs] = (byte) arcTier;
        next[arcs] = head[from];
        head[from] = arcs++;
    }

    private void grow() {
        if (arcs + 2 <= to.length) {
            return;
        }
        var size = to.length * 2;
        next = Arrays.copyOf(next, size);
        to = Arrays.copyOf(to, size);
        capacity = Arrays.copyOf(capacity, size);
        flow = Arrays.copyOf(flow, size);
        tier = Arrays.copyOf(tier, size);
    }
}
