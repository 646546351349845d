package dev.recruitdesk.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of SmartRecruiters (and the simulator's [SIM] calls) as this client reads them: only the fields the
 * app uses; unknown fields are ignored. Dates stay strings here and go through {@link SrDates}, so one odd value
 * cannot fail a whole page. Written from docs/wire-contract.md, independently of the simulator.
 */
final class SrWire {

    private SrWire() {
    }

    record Page<T>(Integer limit, String nextPageId, Integer totalFound, List<T> content) {
    }

    record CandidateDto(String id, String firstName, String lastName, String email, String phoneNumber,
                        LocationDto location, String createdOn, String updatedOn,
                        AssignmentDto primaryAssignment, List<AssignmentDto> secondaryAssignments) {
    }

    record LocationDto(String city, String country, String countryCode, String region) {
    }

    record AssignmentDto(JobRefDto job, String status, String subStatus, String startsOn) {
    }

    record JobRefDto(String id, String title) {
    }

    record ApplicationDto(String id, String status, String subStatus, String startsOn, String source) {
    }

    record JobDto(String id, String title, String refNumber, LabelDto department, LocationDto location,
                  String status, String postingStatus, IdDto hiringProcess) {
    }

    record LabelDto(String id, String label) {
    }

    record IdDto(String id) {
    }

    record HiringProcessDto(String id, String name, Boolean active, Map<String, List<String>> subStatuses,
                            List<AutoTriggerDto> autoTriggers) {
    }

    /** [SIM] a step's auto-triggered assessment; {@code onMove} absent means true (the older simulator shape). */
    record AutoTriggerDto(String status, String subStatus, String partnerId, String packageId, Boolean onMove,
                          Boolean onAdd) {
    }

    /** [SIM] the answer to saving a step's rule. */
    record SavedRuleDto(HiringProcessDto hiringProcess, List<OrderDto> ordersPlaced) {
    }

    record UserDto(String id, String firstName, String lastName, String email, String role) {
    }

    record IntegrationDto(String id, String name, String status, String email, String connectedOn) {
    }

    record PartnerDto(String id, String name, String type, String integration) {
    }

    record PackageDto(String id, String name, String description, String type, Integer expectedMinutes) {
    }

    record OrderDto(String id, String applicationId, String candidateId, String jobId, PartnerRefDto partner,
                    @JsonProperty("package") PackageRefDto pkg, String status, String createdOn, String updatedOn,
                    List<StatusChangeDto> statusHistory, ResultDto result, EmailDto requester) {
    }

    record PartnerRefDto(String id, String name) {
    }

    record PackageRefDto(String id, String name, String type) {
    }

    record StatusChangeDto(String status, String changedOn) {
    }

    record ResultDto(ScoreDto score, String summary, String resultUrl, List<AttachmentDto> attachments) {
    }

    record ScoreDto(String label, String value, String min, String max) {
    }

    record AttachmentDto(String id, String name, String contentType, String url) {
    }

    record EmailDto(String email) {
    }

    record TokenDto(String access_token, String token_type, Long expires_in) {
    }
}
