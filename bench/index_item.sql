-- The items of the index benchmarks (bench/index_bench.sh,
-- bench/profile/index_query.sh): item o of partition p, with the attributes
-- of their indexes (Group, Status, Total, Zip) and some nesting.
CREATE FUNCTION bench_ix_item(p bigint, o bigint) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('Customer', 'c' || p, 'Order', o, 'Group', 'g' || p,
    'Status', 'S' || o % 10, 'Total', (p * 7 + o) % 1000, 'Zip', 'z' || (p * 31 + o) % 5000,
    'Address', jsonb_build_object('Street', o || ' Main Street', 'City', 'Paris'),
    'Lines', jsonb_build_array(jsonb_build_object('Sku', 'A-' || o, 'Qty', 1 + o % 3)),
    'Note', repeat('x', 120))
$$;

