package org.jianfu.exam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jianfu.exam.Allocation.Assignment;
import org.jianfu.exam.ExamSeason.Site;

/**
 * Proposes who invigilates: the load spread as evenly as the season allows over teachers and over schools, nearby
 * schools preferred, the hard rules kept by construction.
 *
 * <p>The season becomes a flow network: source → school → class of interchangeable teachers → (class, block) with room
 * for one sitting per teacher in the block → (school, block) → (host school, block) → sink, the last arc carrying the
 * places the host's sittings in that block need. Flow is raised in stages that follow the water level of
 * {@link LowerBound}: first every class up to the level, then the remainder one above it, shared among schools so that
 * their yearly load per teacher is as level as it can be (rounded down, then up), then, only if that cannot place
 * everything, level by level beyond. Within each stage the maximum flow fills ring by ring ({@link Rings}): the host's own teachers first, then
 * schools within 5 km, within 15 km, of its district, then the nearest schools further away (without coordinates: own
 * school, district, further). Because an augmenting path never takes flow off an arc leaving the source, a stage
 * never undoes an earlier one.
 *
 * <p>Why this is optimal when it completes: if the first two stages place the whole demand, every teacher ends at the
 * water level or one above (or at their cap), which is the teachers' lower bound itself, and every school carries the
 * share that levels schools best among allocations at that bound, rounded; the schools' bound drops the teachers' one,
 * so the two meet up to rounding unless earlier sessions or caps pull them apart, which the gap shows. If they cannot (the sittings are too
 * concentrated in time or place), the later stages place the rest and the gap to the bound says how far that is.
 * Inside a class, units are dealt round-robin block by block, so loads in a class differ by at most one and nobody gets
 * two units of one block.
 */
final class Allocator {

    /** Schools beyond the rings (over 15 km and of another district) each school's teachers may be sent to, per block, nearest first. */
    static final int FAR_SCHOOLS = 4;
    private static final int SOURCE = 0;
    private static final int SINK = 1;

    private final SeasonShape shape;
    private final FlowNetwork network;
    private final Map<Long, Integer> schoolNode = new HashMap<>();
    private final Map<Long, Integer> schoolArc = new HashMap<>();
    private final int[] classArc;
    private final int[][] classBlockArc;
    private final Map<Long, int[]> hostBlockNode = new HashMap<>();
    private final List<Integer> transport = new ArrayList<>();
    private final Map<Integer, Long> hostOfNode = new HashMap<>();
    private final Map<Integer, Integer> blockOfNode = new HashMap<>();
    private int nodes = 2;

    private Allocator(SeasonShape shape) {
        this.shape = shape;
        this.classArc = new int[shape.classes.size()];
        this.classBlockArc = new int[shape.classes.size()][];
        this.network = new FlowNetwork(countNodes());
        build();
    }

    static Allocation allocate(ExamSeason season) {
        return allocate(new SeasonShape(season));
    }

    static Allocation allocate(SeasonShape shape) {
        var allocator = new Allocator(shape);
        allocator.raise();
        return Repair.fill(shape.season, allocator.assignments());
    }

    private int countNodes() {
        var schools = shape.classes.stream().filter(c -> c.remaining() > 0).map(c -> c.schoolId()).distinct().count();
        var hosts = shape.season.sittings().stream().map(s -> s.schoolId()).distinct().count();
        return (int) (2 + schools + shape.classes.size() * (1L + shape.blocks.size()) + (schools + hosts) * shape.blocks.size());
    }

    private void build() {
        var sittings = shape.season.sittings();
        var demand = new HashMap<Long, long[]>();
        for (var i = 0; i < sittings.size(); i++) {
            demand.computeIfAbsent(sittings.get(i).schoolId(), k -> new long[shape.blocks.size()])[shape.blockOf[i]] += sittings.get(i).demand();
        }
        demand.forEach((host, perBlock) -> {
            var blockNodes = new int[perBlock.length];
            Arrays.fill(blockNodes, -1);
            for (var b = 0; b < perBlock.length; b++) {
                if (perBlock[b] > 0) {
                    blockNodes[b] = nodes++;
                    hostOfNode.put(blockNodes[b], host);
                    network.arc(blockNodes[b], SINK, (int) perBlock[b], 0);
                }
            }
            hostBlockNode.put(host, blockNodes);
        });
        var schoolBlockNodes = new HashMap<Long, int[]>();
        for (var c : shape.classes) {
            if (c.remaining() == 0) {
                continue;
            }
            var school = schoolNode.computeIfAbsent(c.schoolId(), id -> {
                var node = nodes++;
                schoolArc.put(id, network.arc(SOURCE, node, 0, 0));
                return node;
            });
            var classNode = nodes++;
            classArc[c.index()] = network.arc(school, classNode, 0, 0);
            var perBlock = schoolBlockNodes.computeIfAbsent(c.schoolId(), this::schoolBlocks);
            classBlockArc[c.index()] = new int[shape.blocks.size()];
            Arrays.fill(classBlockArc[c.index()], -1);
            for (var b = c.free().nextSetBit(0); b >= 0; b = c.free().nextSetBit(b + 1)) {
                if (perBlock[b] >= 0) {
                    var classBlock = nodes++;
                    network.arc(classNode, classBlock, c.size(), 0);
                    classBlockArc[c.index()][b] = network.arc(classBlock, perBlock[b], Integer.MAX_VALUE, 0);
                }
            }
        }
    }

    /**
     * The (school, block) nodes of a school, each joined to the host blocks it may serve, the arc's tier its {@link Rings
     * ring}: its own, those within 5 km, within 15 km, of its district, and the nearest few further.
     */
    private int[] schoolBlocks(long schoolId) {
        var site = shape.site(schoolId);
        var perBlock = new int[shape.blocks.size()];
        Arrays.fill(perBlock, -1);
        var near = new ArrayList<long[]>();
        var far = new ArrayList<Site>();
        hostBlockNode.keySet().forEach(host -> {
            var hostSite = shape.site(host);
            var ring = Rings.of(site, hostSite);
            if (ring < Rings.FURTHER) {
                near.add(new long[] { host, ring });
            }
            else {
                far.add(hostSite);
            }
        });
        far.sort(farOrder(site));
        for (var b = 0; b < perBlock.length; b++) {
            var node = nodes++;
            perBlock[b] = node;
            blockOfNode.put(node, b);
            for (var host : near) {
                var target = hostBlockNode.get(host[0])[b];
                if (target >= 0) {
                    transport.add(network.arc(node, target, Integer.MAX_VALUE, (int) host[1]));
                }
            }
            var added = 0;
            for (var i = 0; i < far.size() && added < FAR_SCHOOLS; i++) {
                var target = hostBlockNode.get(far.get(i).schoolId())[b];
                if (target >= 0) {
                    transport.add(network.arc(node, target, Integer.MAX_VALUE, Rings.FURTHER));
                    added++;
                }
            }
        }
        return perBlock;
    }

    /** Nearest first where both schools have coordinates; otherwise a fixed order turned by the school, to share the far hosts. */
    private static Comparator<Site> farOrder(Site from) {
        if (from.placed()) {
            return Comparator.comparing((Site s) -> s.placed() ? from.distanceTo(s) : Double.MAX_VALUE).thenComparing(Site::schoolId);
        }
        return Comparator.comparing((Site s) -> Long.hashCode(s.schoolId() * 0x9E3779B97F4A7C15L ^ from.schoolId()));
    }

    /** Raises the flow stage by stage along the water level, near before far in each stage, until the demand is placed. */
    private void raise() {
        var water = LowerBound.waterLevel(shape);
        var demand = shape.demand();
        long placed = 0;
        placed += stage(water.level(), Map.of());
        if (placed >= demand) {
            return;
        }
        // the remainder one above the level, shared among schools towards the same yearly load per teacher, each school
        // giving no more than its teachers who can take one more: rounded down, then up
        var schools = new LowerBound.Schools(shape);
        var base = new double[schools.ids.length];
        var takers = new double[schools.ids.length];
        var index = new HashMap<Long, Integer>();
        for (var i = 0; i < schools.ids.length; i++) {
            index.put(schools.ids[i], i);
        }
        for (var c : shape.classes) {
            var i = index.get(c.schoolId());
            base[i] += (double) c.size() * c.prior() + c.capacityAt(water.level());
            takers[i] += c.capacityAt(water.level() + 1) - c.capacityAt(water.level());
        }
        var share = LowerBound.level(base, schools.teachers, takers, water.remainder());
        var down = new HashMap<Long, Long>();
        var up = new HashMap<Long, Long>();
        for (var i = 0; i < share.length; i++) {
            down.put(schools.ids[i], (long) Math.floor(share[i] + 1e-9));
            up.put(schools.ids[i], (long) Math.ceil(share[i] - 1e-9));
        }
        placed += stage(water.level() + 1, down);
        placed += stage(water.level() + 1, up);
        for (var level = water.level() + 1; placed < demand && level <= shape.highestLevel(); level++) {
            placed += stage(level, null);
        }
    }

    /**
     * One stage: every class may carry up to {@code level}; each school up to its classes' sum at the water level plus its
     * {@code share} (all of its classes' room when the share is null). Returns the units placed.
     */
    private long stage(int level, Map<Long, Long> share) {
        var water = LowerBound.waterLevel(shape).level();
        var schoolRoom = new HashMap<Long, Long>();
        for (var c : shape.classes) {
            if (c.remaining() > 0) {
                network.raise(classArc[c.index()], (int) c.capacityAt(level));
                schoolRoom.merge(c.schoolId(), c.capacityAt(share == null ? level : water), Long::sum);
            }
        }
        schoolRoom.forEach((school, room) -> network.raise(schoolArc.get(school),
                (int) (room + (share == null ? 0 : share.getOrDefault(school, 0L)))));
        long placed = 0;
        for (var tier = 0; tier < Rings.COUNT; tier++) {
            placed += network.maxFlow(SOURCE, SINK, tier);
        }
        return placed;
    }

    /** Turns the flow into rows: per (school, block) the classes' units meet the hosts' places, dealt to teachers in turn. */
    private Allocation assignments() {
        // the units each (school, block) node receives from its classes: {class, amount}
        var unitsAt = new HashMap<Integer, List<int[]>>();
        for (var c : shape.classes) {
            for (var b = 0; c.remaining() > 0 && b < shape.blocks.size(); b++) {
                var arc = classBlockArc[c.index()][b];
                if (arc >= 0 && network.flow(arc) > 0) {
                    unitsAt.computeIfAbsent(network.target(arc), k -> new ArrayList<>()).add(new int[] { c.index(), network.flow(arc) });
                }
            }
        }
        // transport arcs leave each (school, block) node one after another, so a class's units of a block are dealt in a row
        var turn = new int[shape.classes.size()];
        var places = new Places(shape);
        var rows = new ArrayList<Assignment>();
        for (var arc : transport) {
            var from = network.target(arc ^ 1);
            var host = hostOfNode.get(network.target(arc));
            var block = blockOfNode.get(from);
            var units = unitsAt.get(from);
            for (var amount = network.flow(arc); amount > 0; amount--) {
                var unit = units.get(units.size() - 1);
                var c = shape.classes.get(unit[0]);
                var teacher = c.members().get(turn[c.index()]++ % c.size());
                rows.add(new Assignment(places.take(host, block), teacher.id()));
                if (--unit[1] == 0) {
                    units.remove(units.size() - 1);
                }
            }
        }
        return new Allocation(rows, shape.demand() - rows.size());
    }
}
