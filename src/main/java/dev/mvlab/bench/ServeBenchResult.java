package dev.mvlab.bench;

/**
 * The figures of {@code mvlab bench serve}.
 *
 * @param directIngest   events/s of the generator's direct ingest (LandingIngest) into the workshop project
 * @param apiIngest      events/s through the Events API, many clients posting NDJSON batches, until committed
 * @param directCpu      CPU seconds per million events of the direct ingest: mvlab's process and the engine's
 * @param apiCpu         the same for the Events API batches (mvlab's process includes the load client)
 * @param batchPosts     the batch posts themselves (answered 202 once accepted)
 * @param singleEvents   single-event posts from many clients (the workshop script's style)
 * @param endpoint       endpoint calls through the API
 * @param direct         the same SQL straight to ClickHouse's HTTP port
 * @param oneClientEndpoint one client calling the endpoint, for its latency
 * @param oneClientDirect one client sending the same SQL straight to ClickHouse
 * @param wrkCheck       the single-event posts by wrk against the load client's, side by side
 * @param singleServer   which server the single-event posts and wrk went to (its own JVM, or the bench's, and why)
 * @param singleServerCpu CPU seconds of that server during the measured single-event posts; NaN when unknown
 */
public record ServeBenchResult(long events, int batchLines, int batchClients, double directIngest, double apiIngest,
                               CpuSpent directCpu, CpuSpent apiCpu,
                               LoadClients.Outcome batchPosts,
                               LoadClients.Outcome singleEvents, int singleClients, String endpointCall,
                               LoadClients.Outcome endpoint, LoadClients.Outcome direct, int endpointClients,
                               LoadClients.Outcome oneClientEndpoint, LoadClients.Outcome oneClientDirect,
                               double startupSeconds, WrkCheck wrkCheck, String singleServer,
                               double singleServerCpu) {

    /**
     * wrk and the load client on the same single-event posts: the load client just before and just after wrk, so the
     * two are side by side; {@code wrk} is empty (and {@code note} says why) when wrk was not run.
     */
    public record WrkCheck(java.util.Optional<WrkComparison.Figures> wrk, LoadClients.Outcome loadClientBefore,
                           LoadClients.Outcome loadClientAfter, String note) {
        /** The load client's mean rate before and after wrk over wrk's rate; NaN without wrk. */
        public double ratio() {
            return wrk.map(w -> (loadClientBefore.perSecond() + loadClientAfter.perSecond()) / 2 / w.perSecond())
                    .orElse(Double.NaN);
        }
    }

    public double ingestRatio() {
        return apiIngest / directIngest;
    }

    /** One client's p99 through the API over its p99 straight to ClickHouse. */
    public double oneClientP99Ratio() {
        return oneClientEndpoint.p99() / oneClientDirect.p99();
    }

    public double endpointRatio() {
        return endpoint.perSecond() / direct.perSecond();
    }
}
