package org.jianfu.unit;

/** Where a unit is on the map: latitude and longitude in degrees (WGS 84). Optional on a unit. */
public record Coordinates(double latitude, double longitude) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    public Coordinates {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("coordinates out of range: " + latitude + ", " + longitude);
        }
    }

    /** The great-circle distance to another point, in kilometres (haversine). */
    public double kilometresTo(Coordinates other) {
        var dLat = Math.toRadians(other.latitude - latitude);
        var dLon = Math.toRadians(other.longitude - longitude);
        var a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
