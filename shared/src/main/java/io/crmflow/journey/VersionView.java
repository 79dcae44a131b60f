package io.crmflow.journey;

/** One version of a journey as a person views it (R-JRN-12): its history entry and the definition it held. */
public record VersionView(JourneyVersion version, JourneyDefinition definition) {
}
