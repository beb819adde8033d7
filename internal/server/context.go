package server

import "context"

type routeKey struct{}

func withRouteInfo(ctx context.Context, info *routeInfo) context.Context {
	return context.WithValue(ctx, routeKey{}, info)
}

func routeInfoFrom(ctx context.Context) *routeInfo {
	info, _ := ctx.Value(routeKey{}).(*routeInfo)
	return info
}
