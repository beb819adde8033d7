package api_test

func init() {
	for _, op := range []string{
		"GET /api/v1/coalitions/{id}/workstreams",
		"POST /api/v1/coalitions/{id}/workstreams",
		"GET /api/v1/coalitions/{id}/workstreams/{workstream_id}",
		"PUT /api/v1/coalitions/{id}/workstreams/{workstream_id}",
		"POST /api/v1/coalitions/{id}/workstreams/{workstream_id}/members",
		"DELETE /api/v1/coalitions/{id}/workstreams/{workstream_id}/members/{seat_id}",
		"GET /api/v1/coalitions/{id}/tasks",
		"POST /api/v1/coalitions/{id}/tasks",
		"GET /api/v1/coalitions/{id}/tasks/{task_id}",
		"PUT /api/v1/coalitions/{id}/tasks/{task_id}",
		"GET /api/v1/coalitions/{id}/meetings",
		"POST /api/v1/coalitions/{id}/meetings",
		"GET /api/v1/coalitions/{id}/meetings/{meeting_id}",
		"PUT /api/v1/coalitions/{id}/meetings/{meeting_id}",
		"POST /api/v1/coalitions/{id}/meetings/{meeting_id}/decisions",
		"POST /api/v1/coalitions/{id}/meetings/{meeting_id}/action-items",
		"POST /api/v1/coalitions/{id}/meetings/{meeting_id}/action-items/{action_item_id}/task",
		"POST /api/v1/coalitions/{id}/meetings/{meeting_id}/attendance",
		"DELETE /api/v1/coalitions/{id}/meetings/{meeting_id}/attendance/{attendance_id}",
		"POST /api/v1/coalitions/{id}/meetings/{meeting_id}/turnout",
		"GET /api/v1/coalitions/{id}/calendar-feed",
		"POST /api/v1/coalitions/{id}/calendar-feed",
		"DELETE /api/v1/coalitions/{id}/calendar-feed",
		"GET /api/v1/coalitions/{id}/commitments",
		"POST /api/v1/coalitions/{id}/commitments",
		"POST /api/v1/coalitions/{id}/commitments/{commitment_id}/records",
	} {
		authExpectations[op] = "member"
	}
}
