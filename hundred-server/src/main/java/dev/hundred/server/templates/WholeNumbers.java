package dev.hundred.server.templates;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a float the way Go does: {@code 1} rather than Java's {@code 1.0}, {@code 0.5} as is. The docs
 * echo {@code "scaleResolutionDownBy": 1}, and a byte-for-byte client should see the same.
 */
final class WholeNumbers extends StdSerializer<Double> {
    WholeNumbers() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            gen.writeNumber(value.longValue());
        } else {
            gen.writeNumber(value);
        }
    }
}
