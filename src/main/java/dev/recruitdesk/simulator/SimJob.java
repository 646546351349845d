package dev.recruitdesk.simulator;

/** A job as the simulator holds it; jobs never change while the simulator runs. */
record SimJob(String id, String title, String refNumber, String department, String city, String country,
              String countryCode, String status, String postingStatus, long createdOn, long updatedOn,
              String hiringProcessId) {
}
